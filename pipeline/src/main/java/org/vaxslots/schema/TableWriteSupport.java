package org.vaxslots.schema;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * parquet-avro's write support, plus rows that write themselves ({@link DirectRow}). The file's
 * schema and footer (the Avro schema, {@code writer.model.name=avro}) are parquet-avro's, so a
 * reader sees the same file whichever kind of row was written.
 */
final class TableWriteSupport extends WriteSupport<Object> {
    private final AvroWriteSupport<GenericRecord> avro;
    private final RowWriter direct;

    TableWriteSupport(Table table, ParquetConfiguration conf) {
        this.avro = new AvroWriteSupport<>(new AvroSchemaConverter(conf).convert(table.schema()), table.schema(),
                GenericData.get());
        this.direct = new RowWriter(table);
    }

    @Override
    public String getName() {
        return avro.getName();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return avro.init(configuration);
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return avro.init(configuration);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        avro.prepareForWrite(recordConsumer);
        direct.prepare(recordConsumer);
    }

    @Override
    public void write(Object row) {
        if (row instanceof DirectRow d) {
            direct.write(d);
        } else {
            avro.write((GenericRecord) row);
        }
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return avro.finalizeWrite();
    }
}
