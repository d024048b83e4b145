package org.vaxslots.store;

import java.util.regex.Pattern;

/** Names that become directory names (sweep ids, report releases): only a safe alphabet is accepted. */
public final class SafeNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SafeNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !name.contains("..");
    }

    /** The name, or an IllegalArgumentException that says what it names, e.g. "sweep id". */
    public static String requireValid(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid " + what + " '" + name
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
