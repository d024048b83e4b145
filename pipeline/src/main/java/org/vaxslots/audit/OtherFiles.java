package org.vaxslots.audit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import org.vaxslots.privacy.PersonalDataScreen;
import org.vaxslots.raw.WarcArchiveReader;

/**
 * The files audit reads besides Parquet tables, report CSVs and raw WARC, each by its own format:
 * the state files the jobs keep ({@code *.calls}: one epoch-millisecond call time a line, a
 * 13-digit number that is not a beneficiary id; {@code *.validators}: request key, ETag, sweep,
 * outcome, instant, URL; {@code raw-sha256.tsv}: path, bytes, modification time in epoch
 * milliseconds, sha256; {@code compact-inputs.tsv}: sweep id, marker bytes, its modification time
 * and its sessions partition's in epoch milliseconds, digest, sessions files, CRC-32), JSON files (table
 * markers, the pack manifest) as JSON, PNG charts by their text chunks, and any other file as
 * text, line by line.
 */
final class OtherFiles {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private OtherFiles() {}

    static void file(Path file, RawAudit.Sink sink) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".calls")) {
            tabSeparated(file, new boolean[] {true}, new boolean[] {false}, sink);
        } else if (name.endsWith(".validators")) {
            tabSeparated(file, new boolean[6], new boolean[] {false, false, false, false, false, true}, sink);
        } else if (name.equals("raw-sha256.tsv")) {
            tabSeparated(file, new boolean[] {false, true, true, false}, new boolean[4], sink);
        } else if (name.equals("compact-inputs.tsv")) {
            tabSeparated(file, new boolean[] {false, true, true, true, false, false, false}, new boolean[7], sink);
        } else if (name.endsWith(".json")) {
            byte[] body = capped(file);
            PersonalDataScreen.body(body).ifPresent(f -> sink.finding(f.where(), f.kind()));
        } else if (isPng(file)) {
            png(file, sink);
        } else if (isPdf(file)) {
            sink.finding("start", PersonalDataScreen.PDF_KIND);
        } else {
            tabSeparated(file, new boolean[0], new boolean[0], sink);
        }
    }

    /**
     * A text file line by line; field i of a line (tab-separated) is a whole number when
     * {@code number[i]} (and is then not screened), a URL when {@code url[i]}; other fields, and
     * fields not of their format, are screened as text.
     */
    private static void tabSeparated(Path file, boolean[] number, boolean[] url, RawAudit.Sink sink) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String[] fields = number.length == 0 ? new String[] {line} : line.split("\t", -1);
                for (int i = 0; i < fields.length; i++) {
                    Optional<PersonalDataScreen.Finding> f;
                    if (i < number.length && number[i] && fields[i].matches("[0-9]{1,19}")) {
                        continue;
                    } else if (i < url.length && url[i]) {
                        f = PersonalDataScreen.request(fields[i], Map.of());
                    } else {
                        f = PersonalDataScreen.text(fields[i]);
                    }
                    if (f.isPresent()) {
                        sink.finding("line " + n + (fields.length > 1 ? ", field " + (i + 1) : ""), f.get().kind());
                        return;
                    }
                }
            }
        }
    }

    /** A PDF anywhere in data root is a downloaded certificate or slip: no job writes one. */
    private static boolean isPdf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            return PersonalDataScreen.body(head).map(f -> f.kind().equals(PersonalDataScreen.PDF_KIND)).orElse(false);
        }
    }

    private static boolean isPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        }
    }

    /** The text chunks of a PNG (tEXt, zTXt, iTXt): the only place an image carries words. */
    private static void png(Path file, RawAudit.Sink sink) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.skipNBytes(PNG_SIGNATURE.length);
            while (true) {
                int length;
                byte[] type = new byte[4];
                try {
                    length = in.readInt();
                    in.readFully(type);
                } catch (EOFException end) {
                    return;
                }
                String t = new String(type, StandardCharsets.ISO_8859_1);
                if (length < 0 || length > WarcArchiveReader.MAX_DECODED_BYTES) {
                    sink.finding("chunk " + t, "unreadable PNG: the rest of the file could not be screened");
                    return;
                }
                if (t.equals("tEXt") || t.equals("zTXt") || t.equals("iTXt")) {
                    byte[] data = in.readNBytes(length);
                    String text = chunkText(t, data);
                    Optional<PersonalDataScreen.Finding> f = PersonalDataScreen.text(text);
                    if (f.isPresent()) {
                        sink.finding("chunk " + t, f.get().kind());
                        return;
                    }
                } else {
                    in.skipNBytes(length);
                }
                in.skipNBytes(4);
            }
        } catch (EOFException truncated) {
            sink.finding("end", "unreadable PNG: the rest of the file could not be screened");
        }
    }

    private static String chunkText(String type, byte[] data) throws IOException {
        if (type.equals("zTXt")) {
            int nul = indexOf(data, 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(data, 0, Math.max(nul, 0));
            out.write(' ');
            try (InputStream z = new InflaterInputStream(new java.io.ByteArrayInputStream(data, nul + 2, data.length - nul - 2))) {
                out.write(z.readNBytes(WarcArchiveReader.MAX_DECODED_BYTES));
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
        return new String(data, type.equals("iTXt") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).replace('\0', ' ');
    }

    private static int indexOf(byte[] data, int b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] capped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(WarcArchiveReader.MAX_DECODED_BYTES);
        }
    }
}
