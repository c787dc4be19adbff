package bg.digiclub.kiosk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandWordsTest {
    @Test
    void splitsOnBlanks() {
        assertEquals(
                List.of("/usr/bin/chromium", "--incognito", "https://egov.bg"),
                CommandWords.split("  /usr/bin/chromium   --incognito\thttps://egov.bg "));
    }

    @Test
    void quotesKeepWindowsPathsWhole() {
        assertEquals(
                List.of("C:\\Program Files\\Mozilla Firefox\\firefox.exe", "-private-window"),
                CommandWords.split("\"C:\\Program Files\\Mozilla Firefox\\firefox.exe\" -private-window"));
        assertEquals(List.of("it's", "a b"), CommandWords.split("\"it's\" 'a b'"));
        assertEquals(List.of(""), CommandWords.split("\"\""));
    }

    @Test
    void shellCharactersAreJustCharacters() {
        assertEquals(List.of("a;", "rm", "-rf", "$HOME", "|", "x"), CommandWords.split("a; rm -rf $HOME | x"));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CommandWords.split("\"C:\\Program Files"));
        assertEquals("unterminated \" quote", e.getMessage());
    }
}
