package bg.digiclub.kiosk.guest;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.ui.Widgets;

/** The guest form: rules, "I accept", optional demographics, Start. Enter starts once accepted. */
public final class GuestView {
    private final BorderPane root;
    private final CheckBox accept;

    public GuestView(GuestViewModel model, I18n i18n) {
        Label title = Widgets.label(i18n, "guest.title", "heading");
        Label rules = new Label();
        rules.textProperty().bind(i18n.text(() -> {
            String own = model.rules(i18n.language());
            return own != null ? own : i18n.format("guest.rules.default");
        }));
        rules.setWrapText(true);
        rules.getStyleClass().add("rules");
        VBox rulesCard = new VBox(8, Widgets.label(i18n, "guest.rules.title", "subheading"), rules);
        rulesCard.getStyleClass().add("card");

        accept = new CheckBox();
        accept.textProperty().bind(i18n.text("guest.accept"));
        accept.selectedProperty().bindBidirectional(model.rulesAcceptedProperty());
        accept.setId("guest-accept");
        accept.setWrapText(true);

        Node demographics = DemographicsForm.build(i18n, model.ageBandProperty(), model.sexProperty());

        Button back = Widgets.button(i18n, "common.back", model::back);
        back.setId("guest-back");
        back.setCancelButton(true);
        Button start = Widgets.button(i18n, "guest.start", model::start, "primary", "big");
        start.setId("guest-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.canStartProperty().not());
        Label needAccept = Widgets.label(i18n, "guest.acceptFirst", "hint");
        needAccept.visibleProperty().bind(model.canStartProperty().not());
        HBox actions = new HBox(16, start, back, needAccept);
        actions.setAlignment(Pos.CENTER);
        actions.setPadding(new Insets(14));
        actions.getStyleClass().add("actions");

        VBox form = new VBox(16, title, rulesCard, accept, demographics);
        form.setPadding(new Insets(30, 40, 20, 40));
        form.setMaxWidth(1100);
        VBox centered = new VBox(form);
        centered.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centered);
        scroll.setFocusTraversable(false);
        scroll.setFitToWidth(true);
        // Start stays in sight below the scrolling form, whatever the text size
        root = new BorderPane();
        root.setCenter(scroll);
        root.setBottom(actions);
        root.setId("guest-screen");
    }

    public Node root() {
        return root;
    }

    public void focusFirst() {
        accept.requestFocus();
    }
}
