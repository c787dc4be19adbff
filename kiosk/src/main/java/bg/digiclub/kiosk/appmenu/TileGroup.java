package bg.digiclub.kiosk.appmenu;

import java.util.List;
import java.util.Objects;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.launcher.AllowedApp;

/** One group of the launcher: the tiles of a category, in the club's order. */
public record TileGroup(TileCategory category, List<AllowedApp> tiles) {
    public TileGroup {
        Objects.requireNonNull(category, "category");
        tiles = List.copyOf(tiles);
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException(category.key() + ": a group with no tiles is not shown");
        }
    }
}
