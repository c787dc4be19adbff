package bg.digiclub.agent.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A native library shipped inside a jar (SQLite's, JNA's), unpacked once to a fixed place in
 * the agent's data directory and loaded from there on every later start — instead of being
 * unpacked into a temp directory on every start, which needs free disk space (an agent on a
 * full disk could not start) and leaves a copy behind after every {@code kill -9}.
 *
 * <p>The place is {@code <native-dir>/<name>-<first 16 hex digits of the library's SHA-256>/<file>},
 * so another version gets its own directory (the older ones are removed). The file is checked
 * against the jar's copy (size and SHA-256) on every start and rewritten if it differs; it is
 * written to a temporary name and renamed, so a crash or a full disk never leaves a half file
 * under the real name.
 *
 * @param name     short name of the directory, e.g. {@code sqlite}
 * @param resource the library's path inside the class path, e.g. {@code org/sqlite/native/Linux/x86_64/libsqlitejdbc.so}
 * @param fileName the name it must have on disk (what the loader asks for)
 */
public record NativeLibrary(String name, String resource, String fileName) {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);
    private static final String PART_SUFFIX = ".part";

    public NativeLibrary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(fileName, "fileName");
    }

    /**
     * Makes sure the library is unpacked under {@code nativeDir} and returns its file; empty when
     * the class path has no such library (another platform) or it cannot be written (then the
     * library's own loader unpacks it as before).
     */
    public Optional<Path> install(Path nativeDir) {
        byte[] content;
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            LOG.warn("cannot read the native library {} from the class path: {}", resource, e.toString());
            return Optional.empty();
        }
        String hash = sha256(content);
        Path dir = nativeDir.resolve(name + "-" + hash.substring(0, 16));
        Path file = dir.resolve(fileName);
        try {
            removeOtherVersions(nativeDir, dir);
            if (matches(file, content.length, hash)) {
                return Optional.of(file);
            }
            Files.createDirectories(dir, privateAttribute("rwx------"));
            Path part = dir.resolve(fileName + PART_SUFFIX);
            Files.deleteIfExists(part);
            try (FileChannel channel = FileChannel.open(
                            part,
                            java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            privateAttribute("rwx------"));
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(file);
        } catch (IOException e) {
            LOG.warn("cannot unpack the native library {} to {}: {}", resource, dir, e.toString());
            return Optional.empty();
        }
    }

    private static boolean matches(Path file, long size, String hash) throws IOException {
        return Files.isRegularFile(file)
                && Files.size(file) == size
                && sha256(Files.readAllBytes(file)).equals(hash);
    }

    /** Directories of this library's earlier versions (and their half-written files). */
    private void removeOtherVersions(Path nativeDir, Path current) throws IOException {
        if (!Files.isDirectory(nativeDir)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(nativeDir, name + "-*")) {
            for (Path dir : dirs) {
                if (!dir.equals(current) && Files.isDirectory(dir)) {
                    deleteFlat(dir);
                }
            }
        }
    }

    /** Deletes a directory of plain files (never following links out of it); what cannot go stays. */
    static void deleteFlat(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // in use (Windows keeps a loaded library locked) or not ours to delete: left for the next start
            LOG.debug("cannot remove {}: {}", dir, e.toString());
        }
    }

    static FileAttribute<?>[] privateAttribute(String mode) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
        }
        return new FileAttribute<?>[0];
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
