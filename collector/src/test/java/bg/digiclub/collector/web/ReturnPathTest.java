package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The language switch goes back only to a path of ours: never to another site, never across a header. */
class ReturnPathTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/reports/programme?scope=municipality&period=2026-Q3",
                "/clubs/sz-rodina-1860?from=2026-11-01&to=2026-11-30",
                "/clubs/sz-rodina-1860/room",
                "/login",
                "/clubs/%D0%B0?x=%2F%2Felsewhere.example"
            })
    void aPathOfOursIsKept(String path) {
        assertEquals(path, ReturnPath.checked(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://elsewhere.example/",
                "http://elsewhere.example",
                "HTTPS://elsewhere.example/clubs",
                "//elsewhere.example",
                "//elsewhere.example/clubs/x",
                "///elsewhere.example",
                "/\\elsewhere.example",
                "\\\\elsewhere.example",
                "\\/elsewhere.example",
                "/clubs\\..\\\\elsewhere.example",
                "javascript:alert(1)",
                "data:text/html,hi",
                "elsewhere.example",
                "clubs/x",
                " /clubs",
                "/\t/elsewhere.example",
                "/clubs\r\nSet-Cookie: x=1",
                "/clubs\nLocation: https://elsewhere.example",
                "/clubs/ä",
                "/language/en?back=/clubs",
                "/clubs/%zz"
            })
    void anythingElseGoesToTheStartPage(String back) {
        assertEquals("/", ReturnPath.checked(back));
    }

    @Test
    void aVeryLongPathIsNotCarried() {
        String path = "/clubs/" + "a".repeat(ReturnPath.MAX_LENGTH);
        assertEquals("/", ReturnPath.checked(path));
        assertEquals("/clubs/a", ReturnPath.checked("/clubs/a"));
    }
}
