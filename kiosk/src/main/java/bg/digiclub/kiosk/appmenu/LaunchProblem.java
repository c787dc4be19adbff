package bg.digiclub.kiosk.appmenu;

import java.util.Objects;

import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.launcher.AllowedApp;

/**
 * What the launcher tells after a press: why a tile did not open, or that the demo opens nothing.
 * The tile's name goes in only when it is shown, in the language of that moment.
 *
 * @param key the message, with the tile's name as its one argument
 */
public record LaunchProblem(String key, AllowedApp tile) {
    public LaunchProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tile, "tile");
    }

    public Message message(Language language) {
        return Message.of(key, tile.name(language));
    }
}
