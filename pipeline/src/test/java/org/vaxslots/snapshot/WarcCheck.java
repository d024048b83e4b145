package org.vaxslots.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A WARC reader written from ISO 28500 alone, independent of jwarc: gunzips the members, reads
 * each record's version line, named fields and Content-Length block, and checks the record
 * layout. Used to show that the files the crawler writes are WARC, not merely what jwarc reads back.
 */
final class WarcCheck {
    record Record(String version, Map<String, String> fields, byte[] block) {
        String type() {
            return fields.get("WARC-Type");
        }
    }

    private WarcCheck() {}

    static List<Record> read(Path file) throws IOException {
        List<Record> records = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            while (true) {
                String version = line(in);
                if (version == null) {
                    return records;
                }
                if (!version.equals("WARC/1.1") && !version.equals("WARC/1.0")) {
                    throw new IOException("not a WARC version line: " + version);
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                    int colon = l.indexOf(':');
                    fields.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
                }
                byte[] block = in.readNBytes(Integer.parseInt(fields.get("Content-Length")));
                if (!"".equals(line(in)) || !"".equals(line(in))) {
                    throw new IOException("record not followed by CRLF CRLF");
                }
                records.add(new Record(version, fields, block));
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** The HTTP status of a response record's block. */
    static int status(Record r) {
        String statusLine = new String(r.block(), 0, Math.min(r.block().length, 40), StandardCharsets.ISO_8859_1);
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
