package bg.digiclub.kiosk.appmenu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.ui.KioskWindows;
import bg.digiclub.kiosk.ui.Theme;
import bg.digiclub.kiosk.ui.Widgets;

/** The launcher menu: one big button per allowed application, in an always-on-top window. */
public final class AppMenuView {
    private static final double ICON_SIZE = 48;
    /** An icon 1.6 times its big button's text size: 48 px at normal size (30 px), 67 px in large text. */
    private static final double ICON_EMS = 1.6;

    private final Stage stage;
    private final AppMenuViewModel model;

    public AppMenuView(AppMenuViewModel model, I18n i18n, Theme theme) {
        this.model = model;
        FlowPane apps = new FlowPane(16, 16);
        apps.setAlignment(Pos.CENTER);
        apps.setPrefWrapLength(760);
        for (AllowedApp app : model.apps()) {
            apps.getChildren().add(appButton(app));
        }
        VBox content = new VBox(20, Widgets.label(i18n, "apps.title", "heading"), apps);
        if (model.apps().isEmpty()) {
            content.getChildren().add(Widgets.label(i18n, "apps.none", "hint"));
        }
        Button close = Widgets.button(i18n, "apps.close", this::hide);
        close.setId("apps-close");
        close.setCancelButton(true);
        content.getChildren().addAll(Widgets.messageLabel(i18n, model.problemProperty(), "problem"), close);
        content.setPadding(new Insets(28));
        content.setAlignment(Pos.CENTER);
        content.getStyleClass().add("card");
        content.setId("apps-menu");
        stage = KioskWindows.onTop("DigiClub");
        stage.setScene(theme.style(new Scene(content)));
        // the menu closes when an app is chosen; if that app cannot start, it comes back to say so
        model.problemProperty().addListener((obs, old, problem) -> {
            if (problem != null) {
                show();
            }
        });
    }

    private Button appButton(AllowedApp app) {
        Button button = new Button(app.name());
        button.getStyleClass().add("big");
        button.setId("app-" + app.id());
        button.setOnAction(e -> {
            model.launch(app);
            hide();
        });
        if (app.icon() != null && Files.isReadable(app.icon())) {
            try (InputStream in = Files.newInputStream(app.icon())) {
                // loaded sharp enough for large text; drawn in proportion to the button's text, so it
                // grows with large text as the words do
                ImageView icon = new ImageView(new Image(in, ICON_SIZE * 2, ICON_SIZE * 2, true, true));
                icon.setPreserveRatio(true);
                icon.fitHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> (double) Math.round(button.getFont().getSize() * ICON_EMS), button.fontProperty()));
                button.setGraphic(icon);
            } catch (IOException e) {
                // an icon is decoration: the button still works without it
                button.setGraphic(null);
            }
        }
        return button;
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
    }

    public void hide() {
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }
}
