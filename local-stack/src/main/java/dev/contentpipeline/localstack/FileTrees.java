package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The few file operations the servers need that java.nio.file does not offer in one call. */
final class FileTrees {

    private FileTrees() {
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + root, ex);
        }
    }

    /** The text appended to a file since it was {@code offset} bytes long. */
    static String readFrom(Path file, long offset) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return "";
        }
    }

    /** Unpacks the zip into the folder, keeping the files' permissions; returns the folder. */
    static Path unzip(Path zip, Path target) throws IOException {
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> entries = Files.walk(archive.getPath("/"))) {
            List<Path[]> folders = new ArrayList<>();
            for (Path entry : entries.toList()) {
                Path destination = target.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(destination);
                    folders.add(new Path[] { entry, destination });
                }
                else {
                    Files.copy(entry, destination);
                    Files.setPosixFilePermissions(destination, Files.getPosixFilePermissions(entry));
                }
            }
            for (Path[] folder : folders) {
                Files.setPosixFilePermissions(folder[1], Files.getPosixFilePermissions(folder[0]));
            }
        }
        return target;
    }
}
