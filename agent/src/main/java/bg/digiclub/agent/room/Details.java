package bg.digiclub.agent.room;

import bg.digiclub.common.live.Command;

/** An answer's detail made fit for {@link Command#SHORT_TEXT}: one printable line, 200 characters at most. */
final class Details {
    private static final int MAX = 200;

    private Details() {}

    static String of(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String one = Character.toString(cp);
            b.append(Command.SHORT_TEXT.matcher(one).matches() ? one : " ");
        });
        String line = b.toString().strip();
        if (line.isEmpty()) {
            return "-";
        }
        if (line.codePointCount(0, line.length()) <= MAX) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX - 3)).strip() + "...";
    }
}
