package bg.digiclub.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Finds the visible text of one window that a visitor cannot read whole: a Labeled whose
 * rendered text (its skin's {@code LabeledText} node, what is really drawn) is not its whole
 * text (JavaFX cut it and put the ellipsis string in), text drawn outside its control or outside
 * the window, a text field narrower than its text, and a screen that only fits with a scroll bar
 * (something below the fold). Call on
 * the FX thread, after a layout pulse.
 */
public final class TextFit {
    /** Half a pixel either way is rounding, not clipping. */
    private static final double SLACK = 1.0;
    /**
     * The style class of the few scroll panes that scroll by design (the staff panel's card
     * list, a club's own rules of any length); their text is still checked.
     */
    public static final String MAY_SCROLL = "may-scroll";

    private TextFit() {}

    /** One thing on one screen that does not fit. */
    public record Problem(String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    /** Everything in {@code scene} that does not fit; empty when all of it does. */
    public static List<Problem> problems(Scene scene) {
        List<Problem> found = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(scene.getRoot(), scene, found);
        return found;
    }

    private static void walk(Node node, Scene scene, List<Problem> found) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, scene, found);
        }
        if (node instanceof TextInputControl field && !(field instanceof PasswordField)) {
            check(field, found);
        }
        if (node instanceof ScrollPane scroll && !scroll.getStyleClass().contains(MAY_SCROLL)) {
            checkFold(scroll, found);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, found);
            }
        }
    }

    private static void check(Labeled labeled, Scene scene, List<Problem> found) {
        String whole = labeled.getText();
        if (whole == null || whole.isBlank()) {
            return;
        }
        Text drawn = drawnText(labeled);
        if (drawn == null) {
            found.add(new Problem(name(labeled), "no text drawn for \"" + whole + "\""));
            return;
        }
        String shown = drawn.getText();
        if (!whole.equals(shown) && !whole.replaceFirst("_", "").equals(shown)) {
            found.add(new Problem(name(labeled), "truncated to \"" + shown + "\" (whole: \"" + whole + "\")"));
            return;
        }
        Bounds text = drawn.localToScene(drawn.getBoundsInLocal());
        Bounds box = labeled.localToScene(labeled.getLayoutBounds());
        // a wrapped line keeps its trailing space in its width: invisible, so not clipping
        double space = wrapsSpace(drawn);
        if (text.getMinX() < box.getMinX() - space
                || text.getMaxX() > box.getMaxX() + space
                || text.getMinY() < box.getMinY() - SLACK
                || text.getMaxY() > box.getMaxY() + SLACK) {
            found.add(new Problem(
                    name(labeled),
                    String.format(
                            java.util.Locale.ROOT,
                            "clipped: text %.0fx%.0f in a box of %.0fx%.0f: \"%s\"",
                            text.getWidth(),
                            text.getHeight(),
                            box.getWidth(),
                            box.getHeight(),
                            whole)));
            return;
        }
        if (insideScrolled(labeled)) {
            // a scroll pane's content may lie outside the window; checkFold reports that once
            return;
        }
        if (text.getMinX() < -SLACK
                || text.getMaxX() > scene.getWidth() + SLACK
                || text.getMinY() < -SLACK
                || text.getMaxY() > scene.getHeight() + SLACK) {
            found.add(new Problem(
                    name(labeled),
                    String.format(
                            java.util.Locale.ROOT,
                            "outside the window (%.0f,%.0f to %.0f,%.0f in %.0fx%.0f): \"%s\"",
                            text.getMinX(),
                            text.getMinY(),
                            text.getMaxX(),
                            text.getMaxY(),
                            scene.getWidth(),
                            scene.getHeight(),
                            whole)));
        }
    }

    /** A field (a spinner's too) narrower than the text in it shows only part of a number or a code. */
    private static void check(TextInputControl field, List<Problem> found) {
        String text = field.getText();
        if (text == null || text.isEmpty() || field.getWidth() <= 0) {
            return;
        }
        Text measure = new Text(text);
        measure.setFont(field.getFont());
        double needed = measure.getLayoutBounds().getWidth();
        double room = field.getWidth()
                - field.getInsets().getLeft()
                - field.getInsets().getRight();
        if (needed > room + SLACK) {
            found.add(new Problem(
                    name(field),
                    String.format(
                            java.util.Locale.ROOT,
                            "field too narrow: \"%s\" needs %.0f px, has %.0f",
                            text,
                            needed,
                            room)));
        }
    }

    private static void checkFold(ScrollPane scroll, List<Problem> found) {
        Node content = scroll.getContent();
        Bounds viewport = scroll.getViewportBounds();
        if (content == null || viewport.getHeight() <= 0) {
            return;
        }
        double hidden = content.getLayoutBounds().getHeight() - viewport.getHeight();
        double hiddenWide = content.getLayoutBounds().getWidth() - viewport.getWidth();
        if (hidden > SLACK || hiddenWide > SLACK) {
            found.add(new Problem(
                    name(scroll),
                    String.format(
                            java.util.Locale.ROOT,
                            "needs scrolling: %.0f px below the fold, %.0f px to the right (first hidden text: \"%s\")",
                            Math.max(0, hidden),
                            Math.max(0, hiddenWide),
                            firstHidden(content, scroll))));
        }
    }

    private static String firstHidden(Node content, ScrollPane scroll) {
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        List<Labeled> all = new ArrayList<>();
        collect(content, all);
        for (Labeled labeled : all) {
            Bounds box = labeled.localToScene(labeled.getLayoutBounds());
            if (box.getMaxY() > view.getMaxY() + SLACK || box.getMaxX() > view.getMaxX() + SLACK) {
                return labeled.getText();
            }
        }
        return "";
    }

    private static void collect(Node node, List<Labeled> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isBlank()) {
            into.add(labeled);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static double wrapsSpace(Text drawn) {
        if (drawn.getWrappingWidth() <= 0) {
            return SLACK;
        }
        Text space = new Text(" ");
        space.setFont(drawn.getFont());
        return space.getLayoutBounds().getWidth() + SLACK;
    }

    private static boolean insideScrolled(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** The text node the Labeled's skin draws: JavaFX puts the cut text, ellipsis and all, in it. */
    private static Text drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text;
            }
        }
        return null;
    }

    /** Its id, or its kind inside the nearest ancestor that has one. */
    private static String name(Node node) {
        if (node.getId() != null) {
            return "#" + node.getId();
        }
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                return node.getClass().getSimpleName() + " in #" + up.getId();
            }
        }
        return node.getClass().getSimpleName();
    }
}
