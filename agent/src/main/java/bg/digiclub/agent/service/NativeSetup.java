package bg.digiclub.agent.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.sqlite.util.OSInfo;

import bg.digiclub.agent.health.sampling.oshi.OshiSetup;

/**
 * System properties that must be set before the first OSHI, JNA or SQLite class loads.
 *
 * <p>SQLite's and JNA's native libraries are unpacked once into {@code <data-dir>/native}
 * ({@link NativeLibrary}) and loaded from there ({@code org.sqlite.lib.path}/{@code .name},
 * {@code jna.boot.library.path}): a start needs no free disk space and leaves nothing behind.
 * Only if that fails do the libraries unpack themselves as before, into {@code <data-dir>/tmp}
 * (locked-down PCs often mount the system temp directory {@code noexec}); files left there by
 * earlier versions, which unpacked on every start, are removed.
 */
public final class NativeSetup {
    /** OSHI's WMI query timeout on Windows: well under the sampling watchdog's timeout. */
    static final Duration WMI_TIMEOUT = Duration.ofSeconds(10);
    /** Where the native libraries are unpacked once, inside the data directory. */
    public static final String NATIVE_DIR = "native";
    /** The libraries' own unpacking place, the fallback; emptied at every start. */
    public static final String TMP_DIR = "tmp";

    static final String SQLITE_LIB_PATH = "org.sqlite.lib.path";
    static final String SQLITE_LIB_NAME = "org.sqlite.lib.name";
    static final String JNA_BOOT_PATH = "jna.boot.library.path";

    private NativeSetup() {}

    /** Unpacks (if needed) and points SQLite and JNA at their native libraries for the agent on {@code dataDir}. */
    public static void apply(Path dataDir) throws IOException {
        Path tmpDir = dataDir.resolve(TMP_DIR);
        if (Files.isDirectory(tmpDir)) {
            NativeLibrary.deleteFlat(tmpDir);
        }
        Path nativeDir = dataDir.resolve(NATIVE_DIR);
        sqlite().install(nativeDir).ifPresent(file -> {
            System.setProperty(
                    SQLITE_LIB_PATH, file.getParent().toAbsolutePath().toString());
            System.setProperty(SQLITE_LIB_NAME, file.getFileName().toString());
        });
        jna().install(nativeDir)
                .ifPresent(file -> System.setProperty(
                        JNA_BOOT_PATH, file.getParent().toAbsolutePath().toString()));
        // the fallback place; an empty directory costs nothing on a full disk. Private: the umask
        // is not set yet (it is set through JNA, which needs these properties first)
        Files.createDirectories(tmpDir, NativeLibrary.privateAttribute("rwx------"));
        OshiSetup.configure(tmpDir, WMI_TIMEOUT);
        System.setProperty("org.sqlite.tmpdir", tmpDir.toAbsolutePath().toString());
    }

    /** sqlite-jdbc's library for this platform, found where its own loader looks. */
    static NativeLibrary sqlite() {
        String file = System.mapLibraryName("sqlitejdbc");
        return new NativeLibrary(
                "sqlite", "org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + file, file);
    }

    /** JNA's dispatch library for this platform; it looks for {@code mapLibraryName("jnidispatch")} on the boot path. */
    static NativeLibrary jna() {
        String file = System.mapLibraryName("jnidispatch");
        return new NativeLibrary("jna", "com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/" + file, file);
    }
}
