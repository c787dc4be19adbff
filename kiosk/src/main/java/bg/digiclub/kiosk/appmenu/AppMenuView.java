package bg.digiclub.kiosk.appmenu;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.stage.Screen;
import javafx.stage.Stage;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.ui.KioskWindows;
import bg.digiclub.kiosk.ui.Theme;
import bg.digiclub.kiosk.ui.Widgets;

/**
 * The launcher: the club's tiles in groups by what people come to do, each group under its
 * heading, in an always-on-top window. A tile is an icon above its name in the session's
 * language. Keyboard: Tab and the arrow keys move between tiles, Enter opens one, Escape closes.
 */
public final class AppMenuView {
    private static final String STYLESHEET = "launcher.css";
    /** The style class of a scroll pane that may scroll by design (ui.TextFit lets it). */
    private static final String MAY_SCROLL = "may-scroll";
    /** A tile's icon is 2.2 times its name's text size (1.1em): 48 px at normal size, 68 px in large text. */
    private static final double ICON_EMS = 2.2;
    /**
     * The window's own width beside its rows of tiles, in large text: its padding (0.6em each side,
     * launcher.css), its border and a scroll bar (1.3em).
     */
    private static final double MARGINS = 80;

    private final Stage stage;
    private final AppMenuViewModel model;
    private final FlowPane groups = new FlowPane();

    public AppMenuView(AppMenuViewModel model, I18n i18n, Theme theme) {
        this.model = Objects.requireNonNull(model, "model");
        // the groups wrap to a new row where the screen ends
        groups.setPrefWrapLength(Screen.getPrimary().getVisualBounds().getWidth() - MARGINS);
        groups.setAlignment(Pos.TOP_CENTER);
        // a group's tiles stand on the same line as its neighbours', whatever its heading's lines
        groups.setRowValignment(VPos.BOTTOM);
        groups.getStyleClass().add("tile-groups");
        for (TileGroup group : model.groups()) {
            groups.getChildren().add(group(group, i18n));
        }
        // the default set fits the screen in every mode (EveryScreenFitsTest); a club's longer list scrolls
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(MAY_SCROLL);
        Label problem = Widgets.messageLabel(
                i18n,
                Bindings.createObjectBinding(
                        () -> model.problemProperty().get() == null
                                ? null
                                : model.problemProperty().get().message(i18n.language()),
                        model.problemProperty(),
                        i18n.languageProperty()),
                "problem");
        Button close = Widgets.button(i18n, "apps.close", this::hide);
        close.setId("apps-close");
        close.setCancelButton(true);
        VBox content = new VBox(top(i18n, problem, close), scroll);
        // on a short screen the tiles give way (they scroll), the words and the close button do not
        VBox.setVgrow(scroll, Priority.ALWAYS);
        content.getStyleClass().add("launcher");
        if (groups.getChildren().isEmpty()) {
            content.getChildren().add(Widgets.label(i18n, "apps.none", "hint"));
        }
        content.setAlignment(Pos.CENTER);
        content.getStyleClass().add("card");
        content.setId("apps-menu");
        stage = KioskWindows.onTop("DigiClub");
        Scene scene = theme.style(new Scene(content));
        scene.getStylesheets()
                .add(Objects.requireNonNull(AppMenuView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        stage.setScene(scene);
        // the menu closes when a tile is chosen; if it cannot open, the menu comes back to say so
        model.problemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                show();
            }
        });
    }

    /**
     * The title and the close button on one row above the tiles, so that the launcher fits above
     * the session bar in large text (EveryScreenFitsTest). Why a tile did not open is said in the
     * title's place: the visitor has just pressed "Програми", the message is what is new.
     */
    private static HBox top(I18n i18n, Label problem, Button close) {
        Label title = Widgets.label(i18n, "apps.title", "heading");
        title.visibleProperty().bind(problem.visibleProperty().not());
        title.managedProperty().bind(title.visibleProperty());
        for (Label said : new Label[] {title, problem}) {
            said.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(said, Priority.ALWAYS);
        }
        HBox top = new HBox(title, problem, close);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("launcher-top");
        return top;
    }

    private TileGroupBox group(TileGroup group, I18n i18n) {
        Label heading = Widgets.label(i18n, headingKey(group.category()), "tile-group-heading");
        heading.setId("apps-group-" + group.category().key());
        HBox tiles = new HBox();
        tiles.getStyleClass().add("tile-row");
        for (AllowedApp app : group.tiles()) {
            tiles.getChildren().add(tile(app, i18n));
        }
        return new TileGroupBox(heading, tiles);
    }

    /** Each category's heading, e.g. "Електронно управление": the label the dashboard shows too. */
    static String headingKey(TileCategory category) {
        return "tile." + category.name();
    }

    private Button tile(AllowedApp app, I18n i18n) {
        Button tile = new Button();
        tile.textProperty().bind(i18n.text(() -> app.name(i18n.language())));
        tile.getStyleClass().add("tile");
        tile.setId("app-" + app.id());
        tile.setContentDisplay(ContentDisplay.TOP);
        tile.setWrapText(true);
        tile.setTextAlignment(TextAlignment.CENTER);
        tile.setMinHeight(Region.USE_PREF_SIZE);
        tile.setOnAction(e -> {
            // closed first: a tile that cannot open brings the launcher back to say so
            hide();
            model.launch(app);
        });
        // drawn in proportion to the tile's text, so it grows with large text as the words do
        TileIcon icon = TileIcon.of(app);
        icon.size(iconSize(tile.getFont()));
        tile.setGraphic(icon.node());
        tile.fontProperty().addListener((obs, old, font) -> icon.size(iconSize(font)));
        return tile;
    }

    private static double iconSize(Font font) {
        return Math.round(font.getSize() * ICON_EMS);
    }

    public void show() {
        Scene scene = stage.getScene();
        // a window shown before and hidden since would be measured with its old fonts
        KioskWindows.restyle(scene);
        Parent root = scene.getRoot();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(Math.ceil(root.prefWidth(-1)), screen.getWidth());
        // never taller than the room above the session bar, and above it: then the tiles scroll,
        // the close button stays in sight
        double height = Math.min(Math.ceil(root.prefHeight(width)), KioskWindows.roomAboveBar());
        KioskWindows.placeAboveBar(stage, width, height);
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
        // the first tile has the focus: Enter opens it, the arrows move on
        groups.lookupAll(".tile").stream().findFirst().ifPresent(Node::requestFocus);
    }

    public void hide() {
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }
}
