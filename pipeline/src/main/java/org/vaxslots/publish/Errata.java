package org.vaxslots.publish;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.vaxslots.report.CsvCells;
import org.vaxslots.store.AtomicFiles;

/**
 * {@code errata.csv} of a publish directory: one line per release replaced after publication
 * (date, release, files_changed separated by spaces, reason), oldest first, so a correction is
 * public and never silent. Rewritten whole through a temporary file, never half a line.
 */
final class Errata {
    static final String FILE = "errata.csv";
    static final List<String> HEADER = List.of("date", "release", "files_changed", "reason");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private Errata() {}

    /** Corrections per release so far. */
    static Map<String, Long> counts(Path to) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        Path file = to.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (CSVParser p = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            for (CSVRecord r : p) {
                out.merge(r.get("release"), 1L, Long::sum);
            }
        }
        return out;
    }

    static void append(Path to, LocalDate date, String release, List<String> changed, String reason) throws IOException {
        Path file = to.resolve(FILE);
        StringWriter text = new StringWriter();
        if (Files.isRegularFile(file)) {
            text.write(Files.readString(file, StandardCharsets.UTF_8));
        }
        try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
            if (text.getBuffer().isEmpty()) {
                csv.printRecord(HEADER);
            }
            csv.printRecord(date.toString(), release, String.join(" ", changed), CsvCells.neutralise(reason));
        }
        AtomicFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
