package org.vaxslots.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SessionRow;
import org.vaxslots.parse.ParsedResponse;
import org.vaxslots.parse.ResponseParser;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.WarcArchiveReader;
import org.vaxslots.schema.Table;
import org.vaxslots.schema.TableRows;
import org.vaxslots.store.DataRoot;

/**
 * Micro-benchmark (not a test) behind PERFORMANCE.md's cheap-improvement estimates: builds the
 * sessions rows of the first K sweeps in memory with the project's parser and {@link TableRows},
 * times {@link TableRows#checked} alone, then writes the same rows to Parquet with the settings of
 * ParquetTableWriter (uncompressed, since its Snappy factory is package-private) and with one
 * change at a time: no dictionary for session_id; repeated strings pre-encoded as Avro Utf8;
 * both. The order of the variants rotates between repeats.
 * Args: DATA_ROOT [K] [REPEATS]. Prints milliseconds per variant (median of REPEATS).
 */
public final class WriteVariants {
    private static final DateTimeFormatter API_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Set<String> REPEATED = Set.of("sweep_id", "fetch_id", "endpoint", "state_name", "district_name",
            "block_name", "pincode", "fee_type", "vaccine", "age_group");

    private WriteVariants() {}

    public static void main(String[] args) throws Exception {
        DataRoot root = new DataRoot(Path.of(args[0]).toAbsolutePath());
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ResponseParser parser = ResponseParser.withBundledTables();
        List<SessionInput> inputs = new ArrayList<>();
        for (String sweepId : RawFiles.sweeps(root).subList(0, k)) {
            for (Path warc : RawFiles.list(root, sweepId)) {
                WarcArchiveReader.read(warc, root.relative(warc), r -> {
                    if (r.httpStatus() != null && r.httpStatus() == 200 && r.targetUri().getPath().contains("calendarByDistrict")) {
                        String q = r.targetUri().getQuery();
                        FetchContext ctx = new FetchContext(sweepId, r.fetchId(), Endpoint.CALENDAR_BY_DISTRICT, null,
                                Integer.valueOf(param(q, "district_id")), null, null,
                                LocalDate.parse(param(q, "date"), API_DATE), r.warcDate());
                        ParsedResponse parsed = parser.parse(ctx, r.body());
                        for (SessionRow s : parsed.sessions()) {
                            inputs.add(new SessionInput(ctx, s));
                        }
                    }
                }, d -> {
                    throw new IllegalStateException(d.reason());
                });
            }
        }
        List<GenericRecord> rows = new ArrayList<>();
        double[] build = new double[repeats];
        double[] checked = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            rows.clear();
            TableRows tableRows = new TableRows();
            long t0 = System.nanoTime();
            for (SessionInput in : inputs) {
                rows.add(tableRows.session(in.ctx(), in.row()));
            }
            build[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            for (GenericRecord r : rows) {
                TableRows.checked(r);
            }
            checked[i] = (System.nanoTime() - t0) / 1e6;
        }
        List<GenericRecord> utf8Rows = new ArrayList<>(rows.size());
        for (GenericRecord r : rows) {
            GenericData.Record c = new GenericData.Record((GenericData.Record) r, false);
            for (Schema.Field f : r.getSchema().getFields()) {
                if (REPEATED.contains(f.name()) && c.get(f.pos()) instanceof String s) {
                    c.put(f.pos(), new Utf8(s));
                }
            }
            utf8Rows.add(c);
        }
        Path dir = Files.createTempDirectory("write-variants");
        double[] base = new double[repeats];
        double[] noDict = new double[repeats];
        double[] utf8 = new double[repeats];
        double[] both = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            // Rotate the order so that warm-up and load drift do not favour one variant.
            for (int v = 0; v < 4; v++) {
                switch ((v + i) % 4) {
                    case 0 -> base[i] = write(dir.resolve("base-" + i), rows, false);
                    case 1 -> noDict[i] = write(dir.resolve("nodict-" + i), rows, true);
                    case 2 -> utf8[i] = write(dir.resolve("utf8-" + i), utf8Rows, false);
                    default -> both[i] = write(dir.resolve("both-" + i), utf8Rows, true);
                }
            }
        }
        System.out.printf("rows=%d build_ms=%.0f checked_ms=%.0f write_base_ms=%.0f write_no_session_id_dict_ms=%.0f"
                        + " write_utf8_ms=%.0f write_both_ms=%.0f bytes_base=%d bytes_nodict=%d bytes_utf8=%d%n",
                rows.size(), median(build), median(checked), median(base), median(noDict), median(utf8), median(both),
                Files.size(dir.resolve("base-0")), Files.size(dir.resolve("nodict-0")), Files.size(dir.resolve("utf8-0")));
        System.out.println("base " + Arrays.toString(base) + " nodict " + Arrays.toString(noDict) + " utf8 "
                + Arrays.toString(utf8) + " both " + Arrays.toString(both));
    }

    private record SessionInput(FetchContext ctx, SessionRow row) {}

    private static double write(Path file, List<GenericRecord> rows, boolean noSessionIdDictionary) throws IOException {
        long t0 = System.nanoTime();
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.avro.write-old-list-structure", "false");
        AvroParquetWriter.Builder<GenericRecord> b = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(Table.SESSIONS.schema()).withDataModel(GenericData.get()).withConf(conf)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withRowGroupSize(32L * 1024 * 1024)
                .withWriteMode(ParquetFileWriter.Mode.CREATE);
        if (noSessionIdDictionary) {
            b = b.withDictionaryEncoding("session_id", false);
        }
        try (ParquetWriter<GenericRecord> w = b.build()) {
            for (GenericRecord r : rows) {
                w.write(r);
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String param(String query, String name) {
        for (String kv : query.split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name + " in " + query);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
