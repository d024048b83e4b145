package org.vaxslots.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A git-scraping repository as a scraper of 29 April 2021 would have left it, built with JGit from
 * the bundled real samples: on {@code main}, {@link #FIRST} (Rohtak and Kollam, a README and a CSV
 * that match no pattern), {@link #MERGE} (merges branch {@code retry}, whose one commit
 * {@link #RETRY} added Ghaziabad) and {@link #THIRD} (Rohtak deleted, Kollam changed: one session
 * gained 5 doses). {@link #addFourth} adds Basti later, as a scraper's next run would.
 */
public final class GitScrapes {
    public static final Instant FIRST = Instant.parse("2021-04-29T06:30:00Z");
    public static final Instant RETRY = Instant.parse("2021-04-29T09:10:00Z");
    public static final Instant MERGE = Instant.parse("2021-04-29T11:30:00Z");
    public static final Instant THIRD = Instant.parse("2021-04-29T16:45:00Z");
    public static final Instant FOURTH = Instant.parse("2021-04-29T21:15:00Z");

    public static final String ROHTAK = "districts/calendarByDistrict_192-Rohtak_2021-04-29.json";
    public static final String KOLLAM = "districts/calendarByDistrict_298-Kollam_2021-04-29.json";
    public static final String GHAZIABAD = "districts/calendarByDistrict_651-Ghaziabad_2021-04-29.json";
    public static final String BASTI = "districts/calendarByDistrict_638-Basti_2021-04-29.json";

    /** The commit ids of the repository, as built. */
    public record Repo(Path dir, String first, String retry, String merge, String third) {}

    private GitScrapes() {}

    public static byte[] rohtak() throws IOException {
        return Samples.bytes("calendarByDistrict_192-Rohtak_2021-05-04_index-id-14984568878.json");
    }

    public static byte[] kollam() throws IOException {
        return Samples.bytes("calendarByDistrict_298-Kollam_2021-05-16_h20170047.json");
    }

    /** Kollam a few hours later: its first session shows 5 open doses instead of 0. */
    public static byte[] kollamLater() throws IOException {
        return new String(kollam(), StandardCharsets.UTF_8)
                .replaceFirst("\"available_capacity\": 0", "\"available_capacity\": 5").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] ghaziabad() throws IOException {
        return Samples.bytes("calendarByDistrict_651-Ghaziabad_2021-05-24_ShashankGupta28.json");
    }

    public static byte[] basti() throws IOException {
        return Samples.bytes("calendarByDistrict_638-Basti_2021-05-25_nijinaniyath.centers-array.json");
    }

    public static Repo build(Path dir) throws IOException, GitAPIException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir, ROHTAK, rohtak());
            write(dir, KOLLAM, kollam());
            write(dir, "README.md", "Co-WIN calendarByDistrict, scraped every few hours.\n".getBytes(StandardCharsets.UTF_8));
            write(dir, "summary.csv", "district_id,centers\n192,8\n".getBytes(StandardCharsets.UTF_8));
            RevCommit first = commit(git, "scrape 06:30", FIRST);

            git.checkout().setCreateBranch(true).setName("retry").call();
            write(dir, GHAZIABAD, ghaziabad());
            RevCommit retry = commit(git, "retry Ghaziabad", RETRY);

            git.checkout().setName("main").call();
            git.merge().include(retry).setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
            RevCommit merge = commit(git, "merge retry", MERGE);

            Files.delete(dir.resolve(ROHTAK));
            write(dir, KOLLAM, kollamLater());
            RevCommit third = commit(git, "scrape 16:45", THIRD);
            return new Repo(dir, first.getName(), retry.getName(), merge.getName(), third.getName());
        }
    }

    /** The scraper's next run: Basti added, the rest unchanged. Returns the new commit's id. */
    public static String addFourth(Path dir) throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            write(dir, BASTI, basti());
            return commit(git, "scrape 21:15", FOURTH).getName();
        }
    }

    private static void write(Path dir, String path, byte[] bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static RevCommit commit(Git git, String message, Instant at) throws GitAPIException {
        PersonIdent scraper = new PersonIdent("scraper", "scraper@example.org", at, ZoneOffset.ofHoursMinutes(5, 30));
        // Authored an hour before it was committed (as a rebased or amended scrape is): the import
        // must take the committer time, and a test can tell the two apart.
        PersonIdent author = new PersonIdent("scraper", "scraper@example.org", at.minusSeconds(3600),
                ZoneOffset.ofHoursMinutes(5, 30));
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(author).setCommitter(scraper).setSign(false).call();
    }
}
