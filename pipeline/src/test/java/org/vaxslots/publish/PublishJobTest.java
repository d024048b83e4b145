package org.vaxslots.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.SweepHistory;
import org.vaxslots.testing.Trees;

/**
 * `vaxslots publish` through the command line, with real packs made by `report`: the hand-built
 * history as release may16 (session date 2021-05-16; once over every date, once again later, and
 * once for 2021-05-16 alone, which changes its README, datapackage.json, manifest and the two
 * daily CSVs), and the
 * demo's pack (session dates to 2021-05-28).
 */
class PublishJobTest {
    static final String RELEASE = "may16";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path data;
    static Path may16;
    static Path may16Again;
    static Path may16Corrected;
    static Path demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void reportPacks() throws Exception {
        data = shared.resolve("data");
        DemoRoot.copyTree(SweepHistory.shared().root(), data);
        may16 = report("first");
        may16Again = report("again");
        may16Corrected = report("corrected", "--from", "2021-05-16", "--to", "2021-05-16");
        demo = DemoRoot.shared().reports().resolve(DemoRoot.RELEASE);
    }

    static Path report(String out, String... range) {
        Path pack = shared.resolve(out).resolve(RELEASE);
        List<String> args = new java.util.ArrayList<>(List.of("report", "--data-root", data.toString(), "--release", RELEASE,
                "--out", pack.toString()));
        args.addAll(List.of(range));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        return pack;
    }

    static Cli.Run publish(Path pack, Path to, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("publish", "--release", pack.getFileName().toString(), "--to",
                to.toString(), "--pack", pack.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    static String sha256(Path file) throws Exception {
        return PackFiles.sha256(file);
    }

    @Test
    void publish_firstRelease_copiesThePackAndWritesLatestIndexAndReleasesJson() throws Exception {
        Path to = dir.resolve("site");

        Cli.Run run = publish(may16, to);

        assertEquals(new Cli.Run(0, "published may16 at " + to.resolve(RELEASE) + "; latest/ is may16; " + to.resolve("index.html")
                + " and releases.json list 1 release(s)\n", ""), run);
        assertEquals(Trees.digests(may16), Trees.digests(to.resolve(RELEASE)));
        assertEquals(Trees.digests(may16), Trees.digests(to.resolve("latest")));
        assertEquals(List.of("index.html", "latest", "may16", "releases.json"), top(to));
        assertEquals("{\n  \"latest\" : \"may16\",\n  \"releases\" : [ {\n    \"release\" : \"may16\",\n    \"path\" : \"may16/\",\n"
                + "    \"first_session_date\" : \"2021-05-16\",\n    \"last_session_date\" : \"2021-05-16\",\n    \"sweeps\" : 5,\n"
                + "    \"crawl_coverage_pct_min\" : \"60.0\",\n    \"crawl_coverage_pct_median\" : \"100.0\",\n"
                + "    \"manifest_sha256\" : \"" + sha256(may16.resolve("manifest.json")) + "\",\n    \"corrections\" : 0\n  } ]\n}",
                Files.readString(to.resolve("releases.json")));
        String index = Files.readString(to.resolve("index.html"));
        assertTrue(index.contains("<tr><th scope=\"row\"><a href=\"may16/index.html\">may16</a></th><td>2021-05-16 to 2021-05-16</td>"
                + "<td>5</td><td>100.0% (lowest 60.0%)</td><td>none</td><td><a href=\"may16/datapackage.json\">datapackage.json</a>"
                + " <a href=\"may16/manifest.json\">manifest.json</a><br><code>" + sha256(may16.resolve("manifest.json"))
                + "</code></td></tr>\n"), index);
        assertTrue(index.contains("<p>Machine-readable: <a href=\"releases.json\">releases.json</a>. Corrections: none so far.</p>"), index);
        assertFalse(index.contains("<script") || index.contains("src=") || index.contains("http"), "self-contained: " + index);
    }

    @Test
    void publish_sameFilesAgain_isANoOpThoughTheManifestTimeDiffers() throws Exception {
        Path to = dir.resolve("site");
        assertEquals(0, publish(may16, to).exit());
        Map<String, String> before = Trees.digests(to);
        assertFalse(Files.readString(may16.resolve("manifest.json")).equals(Files.readString(may16Again.resolve("manifest.json"))),
                "the second report's generated_at differs");

        Cli.Run run = publish(may16Again, to);

        assertEquals(new Cli.Run(0, "may16 is already published at " + to.resolve(RELEASE) + " with the same files: nothing changed\n", ""), run);
        assertEquals(before, Trees.digests(to));
    }

    @Test
    void publish_otherFilesWithoutReplace_refusedNamingTheReleaseAndTheFix() throws Exception {
        Path to = dir.resolve("site");
        assertEquals(0, publish(may16, to).exit());
        Map<String, String> before = Trees.digests(to);

        Cli.Run run = publish(may16Corrected, to);

        assertEquals(new Cli.Run(1, "", "vaxslots: error: " + to.resolve(RELEASE) + " is already published with other files"
                + " (README.md, datapackage.json, district_daily_coverage.csv, index.html, manifest.json,"
                + " state_daily_coverage.csv): a published release is not changed silently; to correct it, run"
                + " again with --replace --reason TEXT (the correction is listed in " + to.resolve("errata.csv")
                + " and the old manifest kept)\n(run with --verbose for details)\n"), run);
        assertEquals(before, Trees.digests(to));
    }

    @Test
    void publish_replaceWithReason_addsADatedErratumAndKeepsTheOldManifest() throws Exception {
        Path to = dir.resolve("site");
        assertEquals(0, publish(may16, to).exit());
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Cli.Run run = publish(may16Corrected, to, "--replace", "--reason", "Range fixed to the session date, \"as asked\"");

        Path kept = to.resolve("superseded/may16/manifest." + today + ".json");
        assertEquals(new Cli.Run(0, "replaced may16 at " + to.resolve(RELEASE) + " (changed: README.md, datapackage.json, district_daily_coverage.csv,"
                + " index.html, manifest.json, state_daily_coverage.csv);"
                + " the correction is in " + to.resolve("errata.csv") + ", the old manifest at " + kept + "; latest/ is may16\n", ""), run);
        assertEquals("date,release,files_changed,reason\n" + today + ",may16,README.md datapackage.json district_daily_coverage.csv index.html manifest.json state_daily_coverage.csv,"
                + "\"Range fixed to the session date, \"\"as asked\"\"\"\n", Files.readString(to.resolve("errata.csv")));
        assertEquals(Files.readString(may16.resolve("manifest.json")), Files.readString(kept));
        assertEquals(Trees.digests(may16Corrected), Trees.digests(to.resolve(RELEASE)));
        assertEquals(Trees.digests(may16Corrected), Trees.digests(to.resolve("latest")));
        JsonNode releases = JSON.readTree(to.resolve("releases.json").toFile());
        assertEquals(1, releases.get("releases").get(0).get("corrections").asInt());
        assertEquals(sha256(may16Corrected.resolve("manifest.json")), releases.get("releases").get(0).get("manifest_sha256").asText());
        assertTrue(Files.readString(to.resolve("index.html")).contains("<a href=\"errata.csv\">errata.csv</a>"));
        assertEquals(List.of("errata.csv", "index.html", "latest", "may16", "releases.json", "superseded"), top(to));
    }

    @Test
    void publish_twoReleases_newestFirstByLastSessionDate_latestIsACopyOfTheNewest() throws Exception {
        Path to = dir.resolve("site");
        assertEquals(0, publish(demo, to).exit());

        Cli.Run run = publish(may16, to);

        assertEquals(0, run.exit(), run.err());
        assertEquals("published may16 at " + to.resolve(RELEASE) + "; latest/ is demo; " + to.resolve("index.html")
                + " and releases.json list 2 release(s)\n", run.out());
        JsonNode releases = JSON.readTree(to.resolve("releases.json").toFile());
        assertEquals("demo", releases.get("latest").asText());
        assertEquals(List.of("demo 2021-05-28", "may16 2021-05-16"), List.of(
                releases.get("releases").get(0).get("release").asText() + " " + releases.get("releases").get(0).get("last_session_date").asText(),
                releases.get("releases").get(1).get("release").asText() + " " + releases.get("releases").get(1).get("last_session_date").asText()));
        assertEquals(Trees.digests(demo), Trees.digests(to.resolve("latest")));
        assertFalse(Files.isSymbolicLink(to.resolve("latest")));
    }

    @Test
    void publish_sameReleasesIntoTwoDirectories_sameIndexAndReleasesBytes() throws Exception {
        for (String site : List.of("a", "b")) {
            assertEquals(0, publish(may16, dir.resolve(site)).exit());
            assertEquals(0, publish(demo, dir.resolve(site)).exit());
        }

        assertEquals(Files.readString(dir.resolve("a/index.html")), Files.readString(dir.resolve("b/index.html")));
        assertEquals(Files.readString(dir.resolve("a/releases.json")), Files.readString(dir.resolve("b/releases.json")));
    }

    @Test
    void publish_leftoversOfAKilledPublish_removedAndNeverListed() throws Exception {
        Path to = dir.resolve("site");
        Path leftover = to.resolve(".tmp/may16-0a1b2c3d/may16");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("README.md"), "half copied");

        assertEquals(0, publish(may16, to).exit());

        assertEquals(List.of(), top(to.resolve(".tmp")));
        assertEquals(1, JSON.readTree(to.resolve("releases.json").toFile()).get("releases").size());
    }

    @Test
    void publish_packWithAFileItsManifestDoesNotHash_refused() throws Exception {
        Path pack = dir.resolve("edited").resolve(RELEASE);
        DemoRoot.copyTree(may16, pack);
        Files.writeString(pack.resolve("rejects_summary.csv"), "sweep_id,reason_code,responses,records\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        Cli.Run run = publish(pack, dir.resolve("site"));

        assertEquals(new Cli.Run(1, "", "vaxslots: error: " + pack.resolve("rejects_summary.csv") + " is not the file its manifest.json"
                + " hashed (sha256 differs): write the pack again with `vaxslots report`\n(run with --verbose for details)\n"), run);
        assertFalse(Files.exists(dir.resolve("site/may16")));
    }

    @Test
    void publish_noPack_refusedSayingToRunReport() {
        Cli.Run run = Cli.run("publish", "--data-root", dir.resolve("data").toString(), "--release", "june", "--to", dir.resolve("site").toString());

        assertEquals(1, run.exit());
        assertEquals("vaxslots: error: " + dir.resolve("data/reports/june").toAbsolutePath() + " is not a finished report pack"
                + " (no manifest.json): run `vaxslots report --release NAME` first, or name the pack with --pack DIR\n"
                + "(run with --verbose for details)\n", run.err());
    }

    @Test
    void publish_usageErrors_exit2WithTheFix() {
        String to = dir.resolve("site").toString();
        assertEquals(new Cli.Run(2, "", "vaxslots: error: --replace needs --reason TEXT: it is written to errata.csv, public\n"
                + "(run with --verbose for details)\n"), publish(may16, dir.resolve("site"), "--replace"));
        assertEquals(new Cli.Run(2, "", "vaxslots: error: --reason goes with --replace: a first publication needs no reason\n"
                + "(run with --verbose for details)\n"), publish(may16, dir.resolve("site"), "--reason", "why"));
        assertEquals(new Cli.Run(2, "", "vaxslots: error: 'latest' cannot name a release: it is one of the published directory's own"
                + " names [errata.csv, index.html, latest, releases.json, superseded]\n(run with --verbose for details)\n"),
                Cli.run("publish", "--release", "latest", "--to", to, "--pack", may16.toString()));
        assertEquals(new Cli.Run(2, "", "vaxslots: error: " + may16 + " is the pack of release 'may16', not 'june': name it with"
                + " --release may16, or write it again with `vaxslots report --release june`\n(run with --verbose for details)\n"),
                Cli.run("publish", "--release", "june", "--to", to, "--pack", may16.toString()));
        assertEquals(2, Cli.run("publish", "--release", RELEASE).exit(), "--to is required");
        assertFalse(Files.exists(dir.resolve("site/may16")));
    }

    @Test
    void help_publish_namesEveryOption() {
        Cli.Run run = Cli.run("publish", "--help");

        assertEquals(0, run.exit());
        for (String option : List.of("--release=NAME", "--to=DIR", "--pack=DIR", "--replace", "--reason=TEXT", "--data-root=DIR")) {
            assertTrue(run.out().contains(option), option + " in:\n" + run.out());
        }
    }

    static List<String> top(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
