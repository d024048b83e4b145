package org.vaxslots.normalize;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the normalize job; any other Beam option (runner, parallelism) passes through. */
public interface NormalizeOptions extends PipelineOptions {
    @Description("Data root: raw/ is read, tables/ is written.")
    @Validation.Required
    String getDataRoot();

    void setDataRoot(String value);

    @Description("Normalize every sweep again, not only new or changed ones.")
    @Default.Boolean(false)
    boolean getRebuild();

    void setRebuild(boolean value);
}
