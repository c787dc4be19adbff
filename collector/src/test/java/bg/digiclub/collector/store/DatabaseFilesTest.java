package bg.digiclub.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collector.db} and its data directory are private to the collector's account (issue 9),
 * whatever the umask it runs with (the test JVM's is the usual 022: without the fix the file
 * and its companions are 0644 and the directory 0755).
 */
@EnabledOnOs(OS.LINUX)
class DatabaseFilesTest {
    @TempDir
    Path temp;

    @Test
    void theDatabaseAndItsDirectoryAreCreatedPrivate() throws Exception {
        Path dir = temp.resolve("srv/collector-data");
        try (Database db = Database.open(Database.sqliteUrl(dir))) {
            // the migrations have written: -wal and -shm exist now
            assertEquals("rwx------", mode(dir));
            for (String name : new String[] {"collector.db", "collector.db-wal", "collector.db-shm"}) {
                assertEquals("rw-------", mode(dir.resolve(name)), name);
            }
        }
    }

    @Test
    void anExistingDatabaseOthersCouldReadIsMadePrivate() throws Exception {
        Path dir = Files.createDirectory(
                temp.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (Database db = Database.open(Database.sqliteUrl(dir))) {
            assertEquals("rw-------", mode(dir.resolve("collector.db")));
        }
        Files.setPosixFilePermissions(dir.resolve("collector.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(Database.sqliteUrl(dir))) {
            assertEquals("rw-------", mode(dir.resolve("collector.db")));
            assertEquals("rw-------", mode(dir.resolve("collector.db-wal")));
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
