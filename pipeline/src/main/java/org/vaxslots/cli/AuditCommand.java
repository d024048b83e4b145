package org.vaxslots.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaxslots.audit.AuditJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Privacy audit of a data root: every column of every table (tables/) and of every",
                "published CSV (reports/*/) must be in the data dictionary and marked non-personal,",
                "and no value may look like personal data (phone numbers, 12-digit Aadhaar-like",
                "numbers, 13/14-digit beneficiary reference ids, email addresses). Exit 1 naming each",
                "offending file and column (never the value), 0 when clean."})
final class AuditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "Data root to audit (default: --data-root, else $VAXSLOTS_DATA_ROOT, else ./data).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path target = dir != null ? dir : common.root().root();
        AuditJob.Result r = AuditJob.run(target);
        for (AuditJob.Finding f : r.findings()) {
            System.err.println("vaxslots audit: " + f);
        }
        System.out.println("audit " + target + ": " + r.files() + " file(s), " + r.columns() + " column(s), " + r.values()
                + " value(s) checked: " + (r.clean() ? "clean" : r.findings().size() + " finding(s)"));
        return r.clean() ? 0 : 1;
    }
}
