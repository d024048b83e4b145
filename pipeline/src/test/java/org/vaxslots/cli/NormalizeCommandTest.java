package org.vaxslots.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.junit.jupiter.api.Test;
import org.vaxslots.normalize.NormalizeOptions;

/** normalize's Beam options: one DirectRunner worker per core unless the user sets the number. */
class NormalizeCommandTest {
    @Test
    void options_oneDirectRunnerWorkerPerCoreByDefault() {
        NormalizeOptions o = NormalizeCommand.options("/data", true, List.of());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.as(DirectOptions.class).getTargetParallelism());
        assertEquals("/data", o.getDataRoot());
        assertTrue(o.getRebuild());
    }

    @Test
    void options_aTargetParallelismGivenWins() {
        NormalizeOptions o = NormalizeCommand.options("/data", false, List.of("--targetParallelism=7"));
        assertEquals(7, o.as(DirectOptions.class).getTargetParallelism());
    }
}
