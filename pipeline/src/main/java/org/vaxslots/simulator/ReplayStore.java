package org.vaxslots.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recorded responses served instead of the model, matched on endpoint and id from the
 * cowin-samples file-name convention: {@code calendarByDistrict_192-...json},
 * {@code calendarByPin_pin560032-...json}, {@code findByDistrict_97-...}, {@code findByPin_pin400055-...},
 * {@code calendarByCenter_563924-...}. The date parameter is not matched: a recording answers
 * for any date. Bytes are served verbatim, except files that hold only the array of
 * {@code centers} (name containing {@code .centers-array}, or content starting with '['), which
 * are wrapped as {@code {"centers":<bytes>}} so the response has the API's shape; those responses
 * carry the header {@code X-Simulator-Replay-Wrapped: centers-array}. With several files for one
 * key the first by file name wins.
 */
final class ReplayStore {
    private static final Pattern NAME =
            Pattern.compile("(calendarByDistrict|calendarByPin|calendarByCenter|findByDistrict|findByPin)_(?:pin)?(\\d+)[-_.].*\\.json");

    /** A recorded body and whether it had to be wrapped. */
    record Recording(String file, byte[] body, boolean wrapped) {
    }

    private final Map<String, Recording> byKey;

    private ReplayStore(Map<String, Recording> byKey) {
        this.byKey = byKey;
    }

    static ReplayStore empty() {
        return new ReplayStore(Map.of());
    }

    static ReplayStore load(Path dir) {
        Map<String, Recording> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                boolean bare = p.getFileName().toString().contains(".centers-array") || startsWithBracket(bytes);
                byte[] body = bare ? wrap(bytes) : bytes;
                out.putIfAbsent(m.group(1) + ":" + Long.parseLong(m.group(2)),
                        new Recording(p.getFileName().toString(), body, bare));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replay directory " + dir, e);
        }
        return new ReplayStore(Map.copyOf(out));
    }

    int size() {
        return byKey.size();
    }

    /** The recording for an endpoint and its query, or null. */
    Recording find(String endpoint, Map<String, String> query) {
        if (byKey.isEmpty()) {
            return null;
        }
        String id = switch (endpoint) {
            case "calendarByDistrict", "findByDistrict" -> query.get("district_id");
            case "calendarByPin", "findByPin" -> query.get("pincode");
            case "calendarByCenter" -> query.get("center_id");
            default -> null;
        };
        if (id == null || id.isEmpty() || !id.chars().allMatch(Character::isDigit) || id.length() > 12) {
            return null;
        }
        return byKey.get(endpoint + ":" + Long.parseLong(id));
    }

    private static boolean startsWithBracket(byte[] b) {
        for (byte x : b) {
            if (!Character.isWhitespace(x)) {
                return x == '[';
            }
        }
        return false;
    }

    private static byte[] wrap(byte[] array) {
        byte[] head = "{\"centers\":".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + array.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(array, 0, out, head.length, array.length);
        out[out.length - 1] = '}';
        return out;
    }
}
