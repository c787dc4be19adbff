package bg.digiclub.kiosk.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

/**
 * A picture of the whole screen as a visitor sees it: every showing kiosk window drawn where it
 * stands, over a dark desktop. Written with ImageIO (no javafx-swing needed). Call on the FX thread.
 */
public final class ScreenPicture {
    private ScreenPicture() {}

    public static void write(Path file, int width, int height) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        // the visitor's empty desktop during a session
        g.setColor(new Color(0x20, 0x24, 0x2a));
        g.fillRect(0, 0, width, height);
        for (Window window : Window.getWindows()) {
            if (!window.isShowing() || window.getScene() == null) {
                continue;
            }
            // the root, not the scene: a scene's snapshot keeps its size from before a resize
            WritableImage shot = window.getScene().getRoot().snapshot(null, null);
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] pixels = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            BufferedImage part = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            part.setRGB(0, 0, w, h, pixels, 0, w);
            g.drawImage(part, (int) Math.round(window.getX()), (int) Math.round(window.getY()), null);
        }
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(picture, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("screen picture " + file, e);
        }
    }
}
