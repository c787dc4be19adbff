package bg.digiclub.kiosk.i18n;

import java.util.List;
import java.util.Objects;

/**
 * Something to tell the visitor, not yet in a language: a bundle key and its arguments.
 * View models speak in messages so that they stay testable without a screen and the text
 * follows the language switch.
 */
public record Message(String key, List<Object> args) {
    public Message {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
