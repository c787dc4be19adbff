package bg.digiclub.support.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowsTest {
    @TempDir
    Path dir;

    @Test
    void nullIsNullAndZeroIsZero() throws Exception {
        try (SingleConnection db = new SqliteFile(dir.resolve("rows.db")).single()) {
            db.read(c -> {
                try (var st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT NULL AS n, 0 AS z, 1500 AS v")) {
                    rs.next();
                    assertNull(Rows.longOrNull(rs, 1));
                    assertNull(Rows.longOrNull(rs, "n"));
                    assertEquals(0L, Rows.longOrNull(rs, 2));
                    assertNull(Rows.intOrNull(rs, "n"));
                    assertEquals(0, Rows.intOrNull(rs, "z"));
                    assertEquals(0, Rows.intOrNull(rs, 2));
                    assertNull(Rows.doubleOrNull(rs, 1));
                    assertEquals(1500.0, Rows.doubleOrNull(rs, 3));
                    assertEquals(OptionalLong.empty(), Rows.optionalLong(rs, 1));
                    assertEquals(OptionalLong.of(0), Rows.optionalLong(rs, 2));
                    assertNull(Rows.epochMilliOrNull(rs, 1));
                    assertEquals(Instant.ofEpochMilli(1500), Rows.epochMilliOrNull(rs, 3));
                    assertEquals(Instant.ofEpochMilli(0), Rows.epochMilliOrNull(rs, "z"));
                    assertNull(Rows.epochSecondOrNull(rs, 1));
                    assertEquals(Instant.ofEpochSecond(1500), Rows.epochSecondOrNull(rs, 3));
                    assertNull(Rows.millisOrNull(rs, "n"));
                    assertEquals(Duration.ofMillis(1500), Rows.millisOrNull(rs, "v"));
                }
                return null;
            });
        }
    }
}
