package org.vaxslots.cli;

import java.nio.file.Path;
import org.vaxslots.store.DataRoot;
import picocli.CommandLine.Option;

/** Options every job takes. */
final class CommonOptions {
    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Data root (default: $VAXSLOTS_DATA_ROOT, else ./data).")
    Path dataRoot;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    DataRoot root() {
        return DataRoot.resolve(dataRoot);
    }
}
