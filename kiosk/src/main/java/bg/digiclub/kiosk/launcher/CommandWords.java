package bg.digiclub.kiosk.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configured command line into argv words: blanks separate words, double or single
 * quotes group a word with blanks in it ({@code "C:\Program Files\Mozilla Firefox\firefox.exe"}).
 * Backslash is not an escape, so Windows paths need no doubling. No shell is involved: no
 * variables, globs, pipes or redirections — a {@code |} is just a word.
 */
final class CommandWords {
    private CommandWords() {}

    /**
     * @throws IllegalArgumentException for an unterminated quote
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
