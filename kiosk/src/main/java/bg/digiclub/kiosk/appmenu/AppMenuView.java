package bg.digiclub.kiosk.appmenu;

import java.util.Objects;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
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
    /** A tile's icon is 2.2 times its name's text size: 53 px at normal size, 74 px in large text. */
    private static final double ICON_EMS = 2.2;
    /** Where the groups wrap to a new row: the 1280-pixel screen less the window's margins. */
    private static final double WRAP_WIDTH = 1180;

    private final Stage stage;
    private final AppMenuViewModel model;
    private final FlowPane groups = new FlowPane();

    public AppMenuView(AppMenuViewModel model, I18n i18n, Theme theme) {
        this.model = Objects.requireNonNull(model, "model");
        groups.setPrefWrapLength(WRAP_WIDTH);
        groups.setAlignment(Pos.TOP_CENTER);
        groups.getStyleClass().add("tile-groups");
        for (TileGroup group : model.groups()) {
            groups.getChildren().add(group(group, i18n));
        }
        VBox content = new VBox(Widgets.label(i18n, "apps.title", "heading"), groups);
        content.getStyleClass().add("launcher");
        if (groups.getChildren().isEmpty()) {
            content.getChildren().add(Widgets.label(i18n, "apps.none", "hint"));
        }
        Label problem = Widgets.messageLabel(i18n, javafx.beans.binding.Bindings.createObjectBinding(
                () -> model.problemProperty().get() == null ? null : model.problemProperty().get().message(i18n.language()),
                model.problemProperty(), i18n.languageProperty()), "problem");
        Button close = Widgets.button(i18n, "apps.close", this::hide);
        close.setId("apps-close");
        close.setCancelButton(true);
        content.getChildren().addAll(problem, close);
        content.setPadding(new Insets(28));
        content.setAlignment(Pos.CENTER);
        content.getStyleClass().add("card");
        content.setId("apps-menu");
        stage = KioskWindows.onTop("DigiClub");
        Scene scene = theme.style(new Scene(content));
        scene.getStylesheets().add(Objects.requireNonNull(AppMenuView.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        stage.setScene(scene);
        // the menu closes when a tile is chosen; if it cannot open, the menu comes back to say so
        model.problemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                show();
            }
        });
    }

    private VBox group(TileGroup group, I18n i18n) {
        Label heading = Widgets.label(i18n, headingKey(group.category()), "tile-group-heading");
        heading.setId("apps-group-" + group.category().key());
        HBox tiles = new HBox();
        tiles.getStyleClass().add("tile-row");
        for (AllowedApp app : group.tiles()) {
            tiles.getChildren().add(tile(app, i18n));
        }
        VBox box = new VBox(heading, tiles);
        box.getStyleClass().add("tile-group");
        // the heading wraps within its tiles' width rather than widen a group of one tile
        heading.maxWidthProperty().bind(tiles.widthProperty());
        heading.prefWidthProperty().bind(tiles.widthProperty());
        return box;
    }

    /** Each category's heading, e.g. "Електронно управление". */
    static String headingKey(TileCategory category) {
        return switch (category) {
            case E_GOVERNMENT -> "apps.group.eGovernment";
            case HEALTH -> "apps.group.health";
            case PAYMENTS -> "apps.group.payments";
            case FAMILY -> "apps.group.family";
            case LEARNING -> "apps.group.learning";
            case WRITING -> "apps.group.writing";
            case BROWSING -> "apps.group.browsing";
        };
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
            model.launch(app);
            hide();
        });
        // drawn in proportion to the tile's text, so it grows with large text as the words do
        tile.setGraphic(TileIcon.of(app, iconSize(tile.getFont())));
        tile.fontProperty().addListener((obs, old, font) -> tile.setGraphic(TileIcon.of(app, iconSize(font))));
        return tile;
    }

    private static double iconSize(Font font) {
        return Math.round(font.getSize() * ICON_EMS);
    }

    public void show() {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        double width = Math.ceil(root.prefWidth(-1));
        stage.setWidth(width);
        stage.setHeight(Math.ceil(root.prefHeight(width)));
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.centerOnScreen();
        stage.toFront();
        stage.requestFocus();
        // the first tile has the focus: Enter opens it, the arrows move on
        groups.lookupAll(".tile").stream().findFirst().ifPresent(javafx.scene.Node::requestFocus);
    }

    public void hide() {
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }
}
