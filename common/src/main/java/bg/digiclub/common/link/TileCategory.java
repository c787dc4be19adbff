package bg.digiclub.common.link;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a visitor came to do, as the launcher groups its tiles. Each tile of the kiosk carries one;
 * the agent counts, per day, the sessions that started a tile of each category (counts only: never
 * which tile, program or address), because the programme reports participation in training
 * ({@link #LEARNING}) and the use of public digital services ({@link #E_GOVERNMENT},
 * {@link #HEALTH}).
 *
 * <p>The kiosk's config file spells a category by its {@link #key()}, e.g. {@code e-government};
 * the link and the upload's JSON by its name ({@code E_GOVERNMENT}), as every enum of the contract.
 * The order here is the launcher's order of groups.
 */
public enum TileCategory {
    E_GOVERNMENT("e-government"),
    HEALTH("health"),
    PAYMENTS("payments"),
    FAMILY("family"),
    LEARNING("learning"),
    WRITING("writing"),
    BROWSING("browsing");

    private final String key;

    TileCategory(String key) {
        this.key = key;
    }

    /** The category's name in config files and uploads: lower case, words joined by '-'. */
    public String key() {
        return key;
    }

    /** The category whose {@link #key()} is {@code key}, if any. */
    public static Optional<TileCategory> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
