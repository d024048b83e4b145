package org.vaxslots.cli;

import java.util.concurrent.Callable;
import org.vaxslots.compact.CompactJob;
import org.vaxslots.store.DataRootLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Bring the derived tables session_history (change-only: one row per session and run of",
                "unchanged observations) and sweep_district_sessions (per sweep, district and age group) up to",
                "date with the sessions table, one partition per session date. Only dates whose sweeps changed",
                "are rebuilt. `report` does the same for its range before it reads; run this after normalize",
                "to keep reports fast."})
final class CompactCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SessionDates dates;

    @Override
    public Integer call() throws Exception {
        CompactJob.Result r;
        try (DataRootLock lock = DataRootLock.acquire(common.root(), "compact")) {
            r = CompactJob.run(common.root(), dates.from, dates.to);
        }
        System.out.println("compact: " + r.rebuilt().size() + " session date(s) rebuilt " + r.rowsWritten() + ", "
                + r.kept() + " up to date, " + r.removed().size() + " removed");
        return 0;
    }
}
