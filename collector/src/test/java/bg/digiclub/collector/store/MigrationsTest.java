package bg.digiclub.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bg.digiclub.collector.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {
    @TempDir
    Path temp;

    @Test
    void splitsStatementsAtLineEndSemicolons() {
        List<String> statements = Migrations.statements("-- a comment\nCREATE TABLE a (x INTEGER);\n\nCREATE INDEX i\n  ON a (x);\n");
        assertEquals(List.of("CREATE TABLE a (x INTEGER)", "CREATE INDEX i\n  ON a (x)"), statements);
        assertThrows(IllegalStateException.class, () -> Migrations.statements("CREATE TABLE a (x INTEGER)"));
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void migratesOnceAndReopensWithoutChange(String kind) throws Exception {
        String url = TestDatabases.url(kind, temp);
        try (Database db = Database.open(url)) {
            assertEquals(Migrations.FILES.size(), db.read(Migrations::currentVersion));
        }
        try (Database db = Database.open(url)) {
            assertEquals(Migrations.FILES.size(), db.read(Migrations::currentVersion));
            assertEquals((long) Migrations.FILES.size(), BatchStoreTest.count(db, "SELECT COUNT(*) FROM schema_version"));
        }
    }

    @Test
    void anUnknownUrlIsRefusedWithoutShowingItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://host/db?user=u&password=secret"));
        assertEquals(false, e.getMessage().contains("secret"));
    }
}
