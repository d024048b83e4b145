package org.vaxslots.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads import inputs on disk in place, streaming, never unpacking to disk: a folder (its files
 * in path order, archives inside it included), {@code .zip}, {@code .tar}, {@code .tar.gz} /
 * {@code .tgz}, a single gzip file such as {@code .json.gz}, and other crawlers' {@code .warc} /
 * {@code .warc.gz} ({@link ForeignWarc}). Memory is bounded by the largest member
 * ({@link Member#MAX_BYTES}). A member's path is relative to the input given; hidden files and
 * folders (a name starting with {@code .}, e.g. {@code .git}) are counted and left out.
 */
public final class Archives {
    private Archives() {}

    public static void read(Path input, ImportInput.Sink sink) throws IOException {
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString(), null, "no such file or directory");
        }
        if (Files.isDirectory(input)) {
            for (Path file : folderFiles(input, sink)) {
                String rel = input.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                readFile(file, rel, sink);
            }
        } else {
            readFile(input, input.getFileName().toString(), sink);
        }
    }

    private static List<Path> folderFiles(Path dir, ImportInput.Sink sink) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> hidden = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(dir) && isHidden(d)) {
                    hidden.add(d);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (isHidden(f)) {
                    hidden.add(f);
                } else if (attrs.isRegularFile()) {
                    files.add(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (int i = 0; i < hidden.size(); i++) {
            sink.leftOut("hidden file or folder");
        }
        Collections.sort(files);
        return files;
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    /** Reads one file by its name: an archive yields its members below {@code path}'s folder. */
    private static void readFile(Path file, String path, ImportInput.Sink sink) throws IOException {
        try {
            readByType(file, path, sink);
        } catch (TooLargeException | NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + " is damaged or not what its name says (" + e.getMessage()
                    + "): repair it or leave it out of the input; nothing was archived", e);
        }
    }

    private static void readByType(Path file, String path, ImportInput.Sink sink) throws IOException {
        String lower = path.toLowerCase(Locale.ROOT);
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
            ForeignWarc.read(file, path, sink);
        } else if (lower.endsWith(".zip")) {
            readZip(file, folder, sink);
        } else if (lower.endsWith(".tar")) {
            try (InputStream in = Files.newInputStream(file)) {
                readTar(in, path, folder, sink);
            }
        } else if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
                readTar(in, path, folder, sink);
            }
        } else if (lower.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
                sink.member(Member.file(path.substring(0, path.length() - 3), capped(in, path)));
            }
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                sink.member(Member.file(path, capped(in, path)));
            }
        }
    }

    /** Members in the order of the zip's central directory, each inflated as it is read. */
    private static void readZip(Path file, String folder, ImportInput.Sink sink) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = clean(entry.getName());
                if (hiddenPath(name)) {
                    sink.leftOut("hidden file or folder");
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    sink.member(Member.file(folder + name, capped(in, file + "!/" + name)));
                }
            }
        }
    }

    private static void readTar(InputStream raw, String path, String folder, ImportInput.Sink sink) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(raw, 64 * 1024))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = clean(entry.getName());
                if (!entry.isFile()) {
                    sink.leftOut("link or special file in an archive");
                } else if (hiddenPath(name)) {
                    sink.leftOut("hidden file or folder");
                } else {
                    sink.member(Member.file(folder + name, capped(tar, path + "!/" + name)));
                }
            }
        }
    }

    private static String clean(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        return n;
    }

    /** Hidden files and folders, and the resource forks macOS puts in zips. */
    private static boolean hiddenPath(String name) {
        for (String segment : name.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** A member larger than {@link Member#MAX_BYTES}: the input's fault, named, not damage. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    static byte[] capped(InputStream in, String where) throws IOException {
        byte[] bytes = in.readNBytes(Member.MAX_BYTES + 1);
        if (bytes.length > Member.MAX_BYTES) {
            throw new TooLargeException(where + " is larger than " + (Member.MAX_BYTES >> 20)
                    + " MiB, more than any Co-WIN response: leave it out of the input (it is not a recorded response)");
        }
        return bytes;
    }
}
