package bg.digiclub.support.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void statementsEndAtALineEndingInSemicolonAndCommentLinesAreDropped() {
        SqlScript script = SqlScript.parse("V1__x.sql", """
                -- heading
                CREATE TABLE a (
                    x INTEGER, -- inline comments stay with their statement
                    y TEXT
                );

                INSERT INTO a VALUES (1, 'semi;colon');\r
                  -- indented comment
                DELETE FROM a;
                """);
        assertEquals(
                List.of(
                        "CREATE TABLE a (\n    x INTEGER, -- inline comments stay with their statement\n    y TEXT\n)",
                        "INSERT INTO a VALUES (1, 'semi;colon')",
                        "DELETE FROM a"),
                script.statements());
    }

    @Test
    void textAfterTheLastSemicolonIsAnErrorNamingTheScript() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SqlScript.parse("V7__broken.sql", "CREATE TABLE a (x INTEGER);\nDROP TABLE a\n"));
        assertTrue(e.getMessage().contains("V7__broken.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("DROP TABLE a"), e.getMessage());
    }

    @Test
    void anEmptyScriptHasNoStatements() {
        assertEquals(
                List.of(),
                SqlScript.parse("V1__empty.sql", "-- nothing yet\n\n").statements());
    }
}
