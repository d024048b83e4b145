package org.vaxslots.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of a report pack as publish sees them: listed (hidden files left out), checked against
 * the pack's manifest.json, compared with a published copy, and copied.
 */
final class PackFiles {
    static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper();

    private PackFiles() {}

    /** Every regular file under {@code dir} that is not hidden, relative with '/', sorted. */
    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !rel.startsWith(".") && !rel.contains("/.")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Checks that the pack is finished: its manifest.json lists every other file with the sha256 the
     * file has. Returns the manifest.
     */
    static JsonNode verified(Path pack) throws IOException {
        Path manifest = pack.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new PublishRefusedException(pack + " is not a finished report pack (no manifest.json): run"
                    + " `vaxslots report --release NAME` first, or name the pack with --pack DIR");
        }
        JsonNode m = JSON.readTree(manifest.toFile());
        TreeMap<String, String> listed = new TreeMap<>();
        m.path("files").forEach(f -> listed.put(f.path("path").asText(), f.path("sha256").asText()));
        List<String> files = new ArrayList<>(list(pack));
        files.remove(MANIFEST);
        if (!new TreeSet<>(files).equals(listed.navigableKeySet())) {
            TreeSet<String> extra = new TreeSet<>(files);
            extra.removeAll(listed.keySet());
            TreeSet<String> missing = new TreeSet<>(listed.keySet());
            missing.removeAll(files);
            throw new PublishRefusedException(manifest + " does not list the pack's files (not in it: " + extra
                    + ", missing from the pack: " + missing + "): write the pack again with `vaxslots report`");
        }
        for (String f : files) {
            if (!sha256(pack.resolve(f)).equals(listed.get(f))) {
                throw new PublishRefusedException(pack.resolve(f) + " is not the file its manifest.json hashed (sha256 differs):"
                        + " write the pack again with `vaxslots report`");
            }
        }
        return m;
    }

    /**
     * The files in which two packs differ (added, removed or changed), sorted; manifest.json is
     * compared without its generated_at, the one field a rerun over the same tables changes.
     */
    static List<String> changed(Path published, Path pack) throws IOException {
        TreeSet<String> all = new TreeSet<>(list(published));
        all.addAll(list(pack));
        List<String> out = new ArrayList<>();
        for (String f : all) {
            Path a = published.resolve(f);
            Path b = pack.resolve(f);
            if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) {
                out.add(f);
            } else if (f.equals(MANIFEST) ? !withoutClock(a).equals(withoutClock(b)) : Files.mismatch(a, b) != -1) {
                out.add(f);
            }
        }
        return out;
    }

    private static JsonNode withoutClock(Path manifest) throws IOException {
        JsonNode m = JSON.readTree(manifest.toFile());
        if (m instanceof ObjectNode o) {
            o.remove("generated_at");
        }
        return m;
    }

    static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Copies every listed file of {@code from} into the empty directory {@code to}. */
    static void copy(Path from, Path to) throws IOException {
        for (String f : list(from)) {
            Path target = to.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(f), target);
        }
    }
}
