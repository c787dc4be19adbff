package bg.digiclub.kiosk.appmenu;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

import bg.digiclub.common.link.TileCategory;

/**
 * The built-in icon of each category, drawn here as plain shapes on a 24x24 grid (our own
 * drawings, no icon set): a public building, a cross, a banknote, two people, an open book, a
 * pencil, a globe. Coloured by the stylesheet ({@code tile-icon}), so high contrast recolours it.
 */
final class CategoryIcon {
    /** The grid the shapes are drawn on. */
    static final double GRID = 24;

    private CategoryIcon() {}

    /** The icon of {@code category}, {@link #GRID} pixels square until {@link #size sized}. */
    static Group drawing(TileCategory category) {
        SVGPath shape = new SVGPath();
        shape.setContent(path(category));
        shape.getStyleClass()
                .addAll("tile-icon", category == TileCategory.BROWSING ? "tile-icon-outline" : "tile-icon-solid");
        // the whole grid, so every icon takes the same room whatever its shape's own extent
        Rectangle grid = new Rectangle(GRID, GRID, Color.TRANSPARENT);
        return new Group(new Group(grid, shape));
    }

    /** Makes a {@link #drawing} {@code size} pixels square. */
    static void size(Group drawing, double size) {
        Node scaled = drawing.getChildren().get(0);
        scaled.setScaleX(size / GRID);
        scaled.setScaleY(size / GRID);
    }

    static String path(TileCategory category) {
        return switch (category) {
            // a public building: pediment, four columns, steps
            case E_GOVERNMENT ->
                "M12 1.5L22.5 7.5H1.5Z M3 9h3v9H3Z M8 9h3v9H8Z M13 9h3v9h-3Z M18 9h3v9h-3Z M1.5 19.5h21v3h-21Z";
            // a medical cross
            case HEALTH -> "M9 2h6v7h7v6h-7v7H9v-7H2V9h7Z";
            // a banknote with a coin on it (the ring is a hole)
            case PAYMENTS -> "M1 5h22v14H1Z M8 12a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z M10 12a2 2 0 1 0 4 0a2 2 0 1 0 -4 0Z";
            // a grown-up and a child
            case FAMILY ->
                "M3.5 7a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0Z M1 21v-3.5a5 5 0 0 1 5-5h2a5 5 0 0 1 5 5V21Z"
                        + " M16 10a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0Z M14 21v-2.5a4 4 0 0 1 4-4h1a4 4 0 0 1 4 4V21Z";
            // an open book
            case LEARNING ->
                "M1 5c3-1.5 7-1.5 10.5 1v14c-3.5-2.5-7.5-2.5-10.5-1Z M23 5c-3-1.5-7-1.5-10.5 1v14c3.5-2.5 7.5-2.5 10.5-1Z";
            // a pencil over a line
            case WRITING ->
                "M3 21l1.5-5.5L15.5 4.5l4 4L8.5 19.5Z M17 3l1.5-1.5a1.4 1.4 0 0 1 2 0l2 2a1.4 1.4 0 0 1 0 2L21 7Z"
                        + " M12 20.5h10.5V22H12Z";
            // a globe, outlined
            case BROWSING ->
                "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0Z M2 12h20 M12 2c-4 3-4 17 0 20 M12 2c4 3 4 17 0 20"
                        + " M3.5 7h17 M3.5 17h17";
        };
    }
}
