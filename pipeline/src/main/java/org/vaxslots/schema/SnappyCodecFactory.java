package org.vaxslots.schema;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * SNAPPY (and UNCOMPRESSED) for parquet without Hadoop: parquet-hadoop's own codec factory links
 * Hadoop's compression classes even for uncompressed output, and Hadoop is not shipped.
 */
final class SnappyCodecFactory implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Snappy.compress(bytes.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.SNAPPY;
                }

                @Override
                public void release() {}
            };
            case UNCOMPRESSED -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.UNCOMPRESSED;
                }

                @Override
                public void release() {}
            };
            default -> throw new IllegalArgumentException("codec " + codec + " is not built in; use SNAPPY");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("vaxslots writes parquet; DuckDB reads it");
    }

    @Override
    public void release() {}

}
