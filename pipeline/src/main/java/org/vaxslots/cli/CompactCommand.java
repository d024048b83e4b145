package org.vaxslots.cli;

import java.util.concurrent.Callable;
import org.vaxslots.compact.CompactJob;
import org.vaxslots.store.DataRootLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Bring the derived tables session_history (change-only: one row per session and run of",
                "unchanged observations) and sweep_district_sessions (per sweep, district and age group) up to",
                "date with the sessions table. A new sweep costs about what that sweep alone costs: it extends the",
                "open runs of the session dates it lists (tables/session_history/open/), writes the runs it closes",
                "once (tables/session_history/closed/) and its own sweep_district_sessions partition. A sweep",
                "normalized again, removed, or older than what the history already shows has its session dates",
                "rebuilt from every sweep that lists them; either way the tables are those of a build from scratch.",
                "`report` does the same before it reads; run this after normalize to keep reports fast."})
final class CompactCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        CompactJob.Result r;
        try (DataRootLock lock = DataRootLock.acquire(common.root(), "compact")) {
            r = CompactJob.run(common.root());
        }
        System.out.println("compact: " + r.appended().size() + " sweep(s) appended, " + r.rebuilt().size()
                + " session date(s) rebuilt, " + r.kept() + " sweep(s) up to date, " + r.removed().size() + " removed; rows written "
                + r.rowsWritten());
        return 0;
    }
}
