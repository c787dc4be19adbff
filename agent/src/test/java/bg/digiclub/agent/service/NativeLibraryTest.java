package bg.digiclub.agent.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library is unpacked once to a fixed, checked place, not on every start. */
class NativeLibraryTest {
    @TempDir
    Path nativeDir;

    private final NativeLibrary sqlite = NativeSetup.sqlite();

    @Test
    void unpackedOnceAndLeftAloneWhileItMatchesTheJar() throws Exception {
        Path file = sqlite.install(nativeDir).orElseThrow();
        assertArrayEquals(jarCopy(), Files.readAllBytes(file));
        assertEquals(nativeDir, file.getParent().getParent());
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        Object inode = Files.getAttribute(file, "unix:ino");

        assertEquals(file, sqlite.install(nativeDir).orElseThrow());
        assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(file), "not written again");
        assertEquals(inode, Files.getAttribute(file, "unix:ino"));
    }

    @Test
    void aDamagedOrTruncatedCopyIsReplaced() throws Exception {
        Path file = sqlite.install(nativeDir).orElseThrow();
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1; // same size, one bit off: the hash catches it
        Files.write(file, bad);
        assertArrayEquals(good, Files.readAllBytes(sqlite.install(nativeDir).orElseThrow()));
        Files.write(file, new byte[100]);
        assertArrayEquals(good, Files.readAllBytes(sqlite.install(nativeDir).orElseThrow()));
    }

    @Test
    void otherVersionsAndHalfWrittenCopiesAreRemoved() throws Exception {
        Path old = Files.createDirectories(nativeDir.resolve("sqlite-0123456789abcdef"));
        Files.write(old.resolve(sqlite.fileName()), new byte[10]);
        Path jna = Files.createDirectories(nativeDir.resolve("jna-0123456789abcdef")); // another library's: kept
        Path file = sqlite.install(nativeDir).orElseThrow();
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(jna));
        assertFalse(Files.exists(file.resolveSibling(file.getFileName() + ".part")));
    }

    @Test
    void aLibraryThisPlatformDoesNotHaveIsLeftToItsOwnLoader() {
        assertEquals(Optional.empty(), new NativeLibrary("x", "no/such/libx.so", "libx.so").install(nativeDir));
    }

    private byte[] jarCopy() throws Exception {
        try (InputStream in = NativeLibraryTest.class.getClassLoader().getResourceAsStream(sqlite.resource())) {
            return in.readAllBytes();
        }
    }
}
