package bg.digiclub.kiosk.appmenu;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One group on the screen: its heading above its row of tiles. The group is as wide as its tiles;
 * a heading longer than that wraps rather than widen the group (a one-tile group's "Плащане на
 * сметки"), and the group's height counts the heading's lines at that width — before the first
 * layout too, when the launcher's window is sized.
 */
final class TileGroupBox extends VBox {
    private final HBox tiles;

    TileGroupBox(Label heading, HBox tiles) {
        super(heading, tiles);
        this.tiles = tiles;
        setAlignment(Pos.BOTTOM_LEFT);
        getStyleClass().add("tile-group");
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + tiles.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 ? computePrefWidth(-1) : width);
    }
}
