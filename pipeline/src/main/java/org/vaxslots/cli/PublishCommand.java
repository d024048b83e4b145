package org.vaxslots.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.vaxslots.publish.PublishJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Copy a finished report pack to DIR/NAME/ for a static web server or a code host's pages, refresh",
                "DIR/latest/ (a copy of the newest release), and write DIR/index.html and DIR/releases.json (newest first",
                "by last session date, then by name; each with its period, crawl coverage and manifest sha256).",
                "Publishing the same files again changes nothing. A published release whose files differ (manifest.json",
                "compared without generated_at) is refused unless --replace --reason TEXT, which adds a dated line to",
                "DIR/errata.csv and keeps the old manifest in DIR/superseded/NAME/: corrections are public.",
                "Each folder appears by one rename, never half copied. Exit 1 when refused, 2 for a usage error."})
final class PublishCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--release", paramLabel = "NAME", required = true, description = "The release to publish.")
    String release;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "The published directory (made if missing).")
    Path to;

    @Option(names = "--pack", paramLabel = "DIR", description = "The pack (default: <data-root>/reports/<release>/).")
    Path pack;

    @Option(names = "--replace", description = "Replace a published release whose files differ (needs --reason).")
    boolean replace;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the release is corrected; written to DIR/errata.csv, public.")
    String reason;

    @Override
    public Integer call() throws Exception {
        Path from = pack != null ? pack : common.root().reportPack(release);
        PublishJob.Result r = PublishJob.run(new PublishJob.Request(from, release, to, replace, reason), LocalDate.now(ZoneOffset.UTC));
        Path dir = to.toAbsolutePath().normalize();
        switch (r.outcome()) {
            case UNCHANGED -> System.out.println(release + " is already published at " + r.release() + " with the same files: nothing changed");
            case PUBLISHED -> System.out.println("published " + release + " at " + r.release() + "; latest/ is " + r.latest() + "; "
                    + dir.resolve("index.html") + " and releases.json list " + r.releases() + " release(s)");
            case REPLACED -> System.out.println("replaced " + release + " at " + r.release() + " (changed: " + String.join(", ", r.changed())
                    + "); the correction is in " + dir.resolve("errata.csv") + ", the old manifest at " + r.superseded()
                    + "; latest/ is " + r.latest());
        }
        return 0;
    }
}
