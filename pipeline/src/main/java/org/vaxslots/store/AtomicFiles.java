package org.vaxslots.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Publication by rename: a file or directory is written elsewhere, forced to disk, then moved into
 * place in one step, so a reader sees all of it or none of it.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Moves {@code from} to {@code to} atomically; {@code to} must not exist. */
    public static void publish(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + to + " atomically: keep tmp/ on the same file system"
                    + " as the rest of the data root", e);
        }
    }

    /** Writes bytes to {@code to} through a temporary sibling, replacing any previous file. */
    public static void writeAtomically(Path to, byte[] content) throws IOException {
        Files.createDirectories(to.getParent());
        Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
        Files.write(tmp, content);
        force(tmp);
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
