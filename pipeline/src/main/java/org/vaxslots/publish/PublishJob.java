package org.vaxslots.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vaxslots.privacy.PersonalDataScreen;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.FileLocks;
import org.vaxslots.store.SafeNames;
import org.vaxslots.store.WorkDirs;

/**
 * Publishes a finished report pack into a directory a static web server or a code host's pages
 * serve: {@code DIR/NAME/} (a copy of the pack), {@code DIR/latest/} (a copy of the newest
 * release, not a symlink, which code hosts do not serve), {@code DIR/index.html} and
 * {@code DIR/releases.json} ({@link Releases}).
 *
 * <p>Steps:
 * <ol>
 *   <li>Check: the pack is finished (its manifest.json hashes every other file) and is the release named.
 *   <li>Compare: with {@code DIR/NAME/} if published; the same files (manifest.json without
 *       generated_at) are a no-op; other files are refused unless {@code --replace --reason}.
 *   <li>Stage: copy the pack under {@code DIR/.tmp/}.
 *   <li>RecordCorrection (a replace only): the old manifest.json into
 *       {@code DIR/superseded/NAME/manifest.<date>.json}, and a line in {@code DIR/errata.csv}, before
 *       the release changes, so a correction is never silent.
 *   <li>Swap: rename the staged copy into place (the old one aside, then removed).
 *   <li>RefreshLatest, WriteIndex: {@code latest/} the same way, then releases.json and index.html.
 * </ol>
 * Readers never see a half-copied release: each folder appears by one rename. One publish at a
 * time per directory ({@code DIR/.publish.lock}).
 */
public final class PublishJob {
    static final String LATEST = "latest";
    static final String SUPERSEDED = "superseded";
    /** Names a release cannot take: they are the directory's own files and folders. */
    static final Set<String> RESERVED = Set.of(LATEST, SUPERSEDED, Releases.INDEX, Releases.JSON_FILE, Errata.FILE);

    /**
     * @param pack the finished pack (default {@code <data-root>/reports/<release>/})
     * @param reason why a replace changes a published release; required with replace, refused without it
     */
    public record Request(Path pack, String release, Path to, boolean replace, String reason) {}

    public enum Outcome { PUBLISHED, REPLACED, UNCHANGED }

    /** What was done; {@code changed} the files that differ from the copy published before (a replace). */
    public record Result(Outcome outcome, Path release, String latest, int releases, List<String> changed, Path superseded) {}

    private PublishJob() {}

    public static Result run(Request request, LocalDate today) throws IOException {
        String release = validRelease(request.release());
        if (request.replace() && (request.reason() == null || request.reason().isBlank())) {
            throw new IllegalArgumentException("--replace needs --reason TEXT: it is written to errata.csv, public");
        }
        if (!request.replace() && request.reason() != null) {
            throw new IllegalArgumentException("--reason goes with --replace: a first publication needs no reason");
        }
        if (request.reason() != null) {
            PersonalDataScreen.text(request.reason()).ifPresent(f -> {
                throw new IllegalArgumentException("--reason looks like it holds personal data (" + f.kind()
                        + "): errata.csv is public; write the reason without it");
            });
        }
        Path pack = request.pack().toAbsolutePath().normalize();
        Path to = request.to().toAbsolutePath().normalize();
        if (to.startsWith(pack) || pack.startsWith(to)) {
            throw new IllegalArgumentException("--to " + to + " and the pack " + pack + " overlap: publish into a directory outside the pack");
        }
        JsonNode manifest = PackFiles.verified(pack);
        if (!release.equals(manifest.path("release").asText())) {
            throw new IllegalArgumentException(pack + " is the pack of release '" + manifest.path("release").asText()
                    + "', not '" + release + "': name it with --release " + manifest.path("release").asText()
                    + ", or write it again with `vaxslots report --release " + release + "`");
        }
        Files.createDirectories(to);
        try (FileLocks.Held lock = FileLocks.tryLock(to.resolve(".publish.lock"))) {
            if (lock == null) {
                throw new PublishRefusedException("another publish is writing " + to + " (it holds " + to.resolve(".publish.lock")
                        + "): wait for it to end");
            }
            return publish(pack, release, to, request, today);
        }
    }

    private static Result publish(Path pack, String release, Path to, Request request, LocalDate today) throws IOException {
        Path published = to.resolve(release);
        List<String> changed = Files.isDirectory(published) ? PackFiles.changed(published, pack) : List.of();
        if (Files.isDirectory(published) && changed.isEmpty()) {
            List<Releases.Release> all = Releases.read(to, Errata.counts(to));
            return new Result(Outcome.UNCHANGED, published, all.isEmpty() ? null : all.get(0).name(), all.size(), List.of(), null);
        }
        if (!changed.isEmpty() && !request.replace()) {
            throw new PublishRefusedException(published + " is already published with other files (" + String.join(", ", changed)
                    + "): a published release is not changed silently; to correct it, run again with --replace --reason TEXT"
                    + " (the correction is listed in " + to.resolve(Errata.FILE) + " and the old manifest kept)");
        }
        Path tmp = to.resolve(".tmp");
        WorkDirs.clearAbandoned(tmp, ""); // under the lock, whatever is there was left by a killed publish
        Path superseded = null;
        try (WorkDirs.WorkDir stage = WorkDirs.create(tmp, release + "-")) {
            Path copy = stage.path().resolve(release);
            Files.createDirectories(copy);
            PackFiles.copy(pack, copy);
            if (!changed.isEmpty()) {
                superseded = keepOldManifest(to, release, published, today);
                Errata.append(to, today, release, changed, request.reason().strip());
            }
            swap(copy, published, stage.path());
        }
        List<Releases.Release> all = Releases.read(to, Errata.counts(to));
        refreshLatest(to, all.get(0).name());
        AtomicFiles.writeAtomically(to.resolve(Releases.JSON_FILE), Releases.json(all));
        AtomicFiles.writeAtomically(to.resolve(Releases.INDEX), Releases.html(all, Files.isRegularFile(to.resolve(Errata.FILE))));
        return new Result(changed.isEmpty() ? Outcome.PUBLISHED : Outcome.REPLACED, published, all.get(0).name(), all.size(),
                changed, superseded);
    }

    /** {@code DIR/superseded/NAME/manifest.<date>.json}, or {@code .<date>.2.json} and on for a second one that day. */
    private static Path keepOldManifest(Path to, String release, Path published, LocalDate today) throws IOException {
        Path dir = to.resolve(SUPERSEDED).resolve(release);
        Files.createDirectories(dir);
        Path kept = dir.resolve("manifest." + today + ".json");
        for (int n = 2; Files.exists(kept); n++) {
            kept = dir.resolve("manifest." + today + "." + n + ".json");
        }
        AtomicFiles.writeAtomically(kept, Files.readAllBytes(published.resolve(PackFiles.MANIFEST)));
        return kept;
    }

    /** Renames {@code staged} to {@code target}, moving a present one aside into {@code work} first. */
    private static void swap(Path staged, Path target, Path work) throws IOException {
        if (Files.exists(target)) {
            AtomicFiles.publish(target, work.resolve("replaced-" + UUID.randomUUID()));
        }
        AtomicFiles.publish(staged, target);
    }

    /** latest/ becomes a copy of the newest release, unless it already is one. */
    private static void refreshLatest(Path to, String newest) throws IOException {
        Path latest = to.resolve(LATEST);
        Path source = to.resolve(newest);
        if (Files.isDirectory(latest) && PackFiles.list(latest).equals(PackFiles.list(source))
                && PackFiles.list(source).stream().allMatch(f -> same(latest.resolve(f), source.resolve(f)))) {
            return;
        }
        try (WorkDirs.WorkDir stage = WorkDirs.create(to.resolve(".tmp"), LATEST + "-")) {
            Path copy = stage.path().resolve(LATEST);
            Files.createDirectories(copy);
            PackFiles.copy(source, copy);
            swap(copy, latest, stage.path());
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String validRelease(String release) {
        SafeNames.requireValid("release name", release);
        if (RESERVED.contains(release)) {
            throw new IllegalArgumentException("'" + release + "' cannot name a release: it is one of the published directory's own"
                    + " names " + new java.util.TreeSet<>(RESERVED));
        }
        return release;
    }
}
