package bg.digiclub.kiosk.appmenu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.kiosk.launcher.AllowedApp;

/**
 * A tile's picture: the club's own icon file, else the built-in icon of its category. One node
 * per tile, resized in place when the text size changes (a node swapped in during a style pass
 * misses the theme's colours).
 */
final class TileIcon {
    private static final Logger LOG = LoggerFactory.getLogger(TileIcon.class);
    /** Loaded this big, sharp enough for large text. */
    private static final double LOADED = 128;

    private final ImageView picture;
    private final Group drawing;

    private TileIcon(ImageView picture, Group drawing) {
        this.picture = picture;
        this.drawing = drawing;
    }

    static TileIcon of(AllowedApp app) {
        if (app.icon() != null && Files.isReadable(app.icon())) {
            try (InputStream in = Files.newInputStream(app.icon())) {
                Image image = new Image(in, LOADED, LOADED, true, true);
                if (!image.isError()) {
                    ImageView view = new ImageView(image);
                    view.setPreserveRatio(true);
                    return new TileIcon(view, null);
                }
                LOG.warn("icon {} of app {} is not a picture; showing its category's icon", app.icon(), app.id());
            } catch (IOException e) {
                // an icon is decoration: the tile still works with its category's
                LOG.warn("icon {} of app {} cannot be read: {}", app.icon(), app.id(), e.getMessage());
            }
        }
        return new TileIcon(null, CategoryIcon.drawing(app.category()));
    }

    /** The node to show. */
    Node node() {
        return picture != null ? picture : drawing;
    }

    /** Makes the icon {@code size} pixels high. */
    void size(double size) {
        if (picture != null) {
            picture.setFitHeight(size);
        } else {
            CategoryIcon.size(drawing, size);
        }
    }
}
