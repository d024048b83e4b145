package org.vaxslots.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaxslots.audit.AuditJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Privacy audit of everything a data root keeps or publishes: every record of the raw",
                "archive (raw/: WARC headers, URLs, payloads read as JSON), the state files (state/),",
                "every table (tables/) and every file of every report pack (reports/*/). Columns must",
                "be in the data dictionary and marked non-personal; nothing may look like personal data",
                "or credentials (phone numbers, Aadhaar-like numbers, beneficiary reference ids, email",
                "addresses, protected-API keys such as mobile_number or txnId, JWTs, bearer tokens,",
                "otp=, credential headers, URLs off the public allowlist). Exit 1 naming each file, the",
                "column, record offset or line, and the kind (never the value), 0 when clean."})
final class AuditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "Data root to audit (default: --data-root, else $VAXSLOTS_DATA_ROOT, else ./data).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path target = dir != null ? dir : common.root().root();
        long start = System.nanoTime();
        AuditJob.Result r = AuditJob.run(target);
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        for (AuditJob.Finding f : r.findings()) {
            System.err.println("vaxslots audit: " + f);
        }
        System.out.println("audit " + target + ": " + r.files() + " file(s), " + r.columns() + " column(s), " + r.values()
                + " value(s) checked; " + r.rawFiles() + " raw file(s), " + r.rawRecords() + " record(s); " + r.otherFiles()
                + " other file(s); " + String.format(java.util.Locale.ROOT, "%.1f MB in %.1f s (%.1f MB/s)", r.bytes() / 1e6,
                        seconds, r.bytes() / 1e6 / seconds)
                + ": " + (r.clean() ? "clean" : r.findings().size() + " finding(s)"));
        return r.clean() ? 0 : 1;
    }
}
