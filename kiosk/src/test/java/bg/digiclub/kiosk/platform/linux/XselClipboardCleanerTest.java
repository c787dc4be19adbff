package bg.digiclub.kiosk.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** Live against a private Xvfb with the real xsel (Debian package xsel). */
class XselClipboardCleanerTest {
    @Test
    void clearsWhatAnotherProgramCopied() throws Exception {
        XvfbServer.requireTool("xsel", "xsel");
        try (XvfbServer x = XvfbServer.start()) {
            x.feed("IBAN BG80BNBG96611020345678", "xsel", "--clipboard", "--input");
            x.feed("selected text", "xsel", "--primary", "--input");
            assertEquals("IBAN BG80BNBG96611020345678", awaitClipboard(x, "--clipboard"));

            new XselClipboardCleaner(x.display(), System.getenv("PATH")).clear();

            assertEquals("", x.run("xsel", "--clipboard", "--output"));
            assertEquals("", x.run("xsel", "--primary", "--output"));
        }
    }

    @Test
    void missingToolIsAClearReason() {
        XselClipboardCleaner cleaner = new XselClipboardCleaner(":5", "/nonexistent");
        IOException e = assertThrows(IOException.class, cleaner::clear);
        assertEquals("xsel is not installed (apt-get install xsel)", e.getMessage());
    }

    /** xsel --input forks to serve the selection; wait until it owns it. */
    private static String awaitClipboard(XvfbServer x, String selection) throws Exception {
        String content = "";
        for (int i = 0; i < 200 && content.isEmpty(); i++) {
            content = x.run("xsel", selection, "--output");
            if (content.isEmpty()) {
                Thread.sleep(20);
            }
        }
        return content;
    }
}
