package bg.digiclub.kiosk.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.i18n.Language;

/**
 * One tile of the launcher: a program or a web address the club lets visitors open.
 *
 * @param id       the config id, e.g. {@code egov} from {@code app.egov.category}
 * @param nameBg   what the tile says in Bulgarian, e.g. {@code Електронно управление}
 * @param nameEn   what the tile says in English
 * @param icon     the club's own icon file, or null for the built-in icon of its category
 * @param command  the program and its arguments for this OS, as an argv list (never run by a shell);
 *                 for a web address, the club's browser with the address as the last word
 * @param category what visitors come to do with it: the launcher's group, counted in the statistics
 */
public record AllowedApp(
        String id, String nameBg, String nameEn, Path icon, List<String> command, TileCategory category) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public AllowedApp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameBg, "nameBg");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(category, "category");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("app id '" + id + "' must be lower-case letters, digits, '-' or '_'");
        }
        if (nameBg.isBlank() || nameEn.isBlank()) {
            throw new IllegalArgumentException("app " + id + ": name is blank");
        }
        command = List.copyOf(command);
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("app " + id + ": command is empty");
        }
    }

    /** A tile with one name in both languages (a program's own name, such as {@code LibreOffice}). */
    public AllowedApp(String id, String name, Path icon, List<String> command, TileCategory category) {
        this(id, name, name, icon, command, category);
    }

    /** What the tile says in {@code language}. */
    public String name(Language language) {
        return language == Language.BG ? nameBg : nameEn;
    }
}
