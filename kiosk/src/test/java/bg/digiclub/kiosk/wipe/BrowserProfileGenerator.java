package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a browser profile shaped like a Chromium profile after a day of use: a disk cache of
 * thousands of mostly small entries, code cache, service-worker caches, LevelDB stores and a few
 * SQLite-sized files. Deterministic for a seed, so runs are comparable.
 */
final class BrowserProfileGenerator {
    /** What was written. */
    record Profile(int files, long bytes) {
    }

    private final Random random;
    private final byte[] block = new byte[1 << 20];
    private int files;
    private long bytes;

    BrowserProfileGenerator(long seed) {
        this.random = new Random(seed);
        random.nextBytes(block);
    }

    Profile write(Path profileRoot, long targetBytes) throws IOException {
        Path profile = Files.createDirectories(profileRoot.resolve("Default"));
        // Fixed stores first, as a real profile has them regardless of browsing.
        for (String name : new String[] {"History", "Favicons", "Web Data", "Cookies", "Login Data", "Top Sites", "Shortcuts"}) {
            file(profile.resolve(name), 256 * 1024 + random.nextInt(4 << 20));
            file(profile.resolve(name + "-journal"), random.nextInt(64 * 1024));
        }
        file(profile.resolve("Preferences"), 40_000);
        file(profile.resolve("Secure Preferences"), 20_000);
        leveldb(profile.resolve("Local Storage/leveldb"), 12);
        leveldb(profile.resolve("Session Storage"), 8);
        for (int i = 0; i < 25; i++) {
            leveldb(profile.resolve("IndexedDB/https_site" + i + ".bg_0.indexeddb.leveldb"), 6);
        }
        Path cache = Files.createDirectories(profile.resolve("Cache/Cache_Data"));
        for (int i = 0; i < 4; i++) {
            file(cache.resolve("data_" + i), 1 << 20);
        }
        file(cache.resolve("index"), 512 * 1024);
        Path code = Files.createDirectories(profile.resolve("Code Cache/js"));
        Path wasm = Files.createDirectories(profile.resolve("Code Cache/wasm"));
        Path sw = Files.createDirectories(profile.resolve("Service Worker/CacheStorage"));
        Path gpu = Files.createDirectories(profileRoot.resolve("GrShaderCache"));
        int n = 0;
        // Then the browsing-dependent caches until the target size: 70 % HTTP cache, the rest split.
        while (bytes < targetBytes) {
            int kind = random.nextInt(100);
            if (kind < 70) {
                file(cache.resolve(String.format("f_%06x", n)), logNormalSize(9.0, 1.6));
            } else if (kind < 85) {
                file(code.resolve(String.format("%016x_0", random.nextLong())), logNormalSize(9.5, 1.2));
            } else if (kind < 87) {
                file(wasm.resolve(String.format("%016x_0", random.nextLong())), logNormalSize(11.0, 1.0));
            } else if (kind < 97) {
                Path dir = Files.createDirectories(sw.resolve(String.format("%040x", n % 40)).resolve(String.format("uuid-%04d", n % 13)));
                file(dir.resolve(String.format("%016x_0", random.nextLong())), logNormalSize(9.0, 1.5));
            } else {
                file(gpu.resolve(String.format("data_%d", n)), logNormalSize(8.0, 1.0));
            }
            n++;
        }
        return new Profile(files, bytes);
    }

    private void leveldb(Path dir, int tables) throws IOException {
        Files.createDirectories(dir);
        file(dir.resolve("CURRENT"), 16);
        file(dir.resolve("LOCK"), 0);
        file(dir.resolve("LOG"), 300);
        file(dir.resolve("MANIFEST-000001"), 1024);
        file(dir.resolve("000003.log"), random.nextInt(256 * 1024));
        for (int i = 0; i < tables; i++) {
            file(dir.resolve(String.format("%06d.ldb", 5 + i)), logNormalSize(10.0, 1.0));
        }
    }

    /** Sizes spread like cache entries: most a few KB, a long tail to a few MB (capped at 8 MB). */
    private int logNormalSize(double mu, double sigma) {
        double size = Math.exp(mu + sigma * random.nextGaussian());
        return (int) Math.min(size, 8 << 20);
    }

    private void file(Path path, int size) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            int left = size;
            while (left > 0) {
                int chunk = Math.min(left, block.length);
                out.write(block, random.nextInt(block.length - chunk + 1), chunk);
                left -= chunk;
            }
        }
        files++;
        bytes += size;
    }
}
