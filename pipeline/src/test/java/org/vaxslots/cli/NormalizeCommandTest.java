package org.vaxslots.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void options_aBadValueOrAnUnknownOptionIsNamedInTheUsersTerms() {
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> NormalizeCommand.options("/data", false, List.of("--unitBytes=abc")));
        assertEquals("--unitBytes=abc is not a whole number", notNumber.getMessage());
        IllegalArgumentException notBoolean = assertThrows(IllegalArgumentException.class,
                () -> NormalizeCommand.options("/data", false, List.of("--enforceImmutability=maybe")));
        assertEquals("--enforceImmutability=maybe is not true or false", notBoolean.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> NormalizeCommand.options("/data", false, List.of("--unitBites=5")));
        assertEquals("normalize has no option --unitBites (did you mean --unitBytes?); normalize -h lists its options",
                unknown.getMessage());
    }
}
