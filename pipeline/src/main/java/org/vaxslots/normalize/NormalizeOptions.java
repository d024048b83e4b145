package org.vaxslots.normalize;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of the normalize job; any other Beam option (runner, parallelism) passes through. */
public interface NormalizeOptions extends PipelineOptions {
    @Description("Data root: raw/ is read, tables/ is written (default: $VAXSLOTS_DATA_ROOT, else ./data).")
    String getDataRoot();

    void setDataRoot(String value);

    @Description("Normalize every sweep again, not only new or changed ones.")
    @Default.Boolean(false)
    boolean getRebuild();

    void setRebuild(boolean value);

    @Description("Bytes of raw files per unit of parallel work (a run of consecutive raw files of a sweep;"
            + " default 4 MiB). Only the scheduling changes: every raw file is still its own part file.")
    @Default.Long(NormalizeSweeps.UNIT_BYTES)
    long getUnitBytes();

    void setUnitBytes(long value);
}
