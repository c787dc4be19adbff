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
import javafx.scene.layout.Priority;
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
        // a club's own rules may be long: they scroll inside their card (a wide bar), while
        // "I accept", age, sex and Start stay in sight
        ScrollPane rulesScroll = new ScrollPane(rules);
        rulesScroll.setFitToWidth(true);
        rulesScroll.setFocusTraversable(false);
        rulesScroll.getStyleClass().add("may-scroll");
        rulesScroll.setId("guest-rules");
        rulesScroll.setMinHeight(120);
        VBox rulesCard = new VBox(8, Widgets.label(i18n, "guest.rules.title", "subheading"), rulesScroll);
        VBox.setVgrow(rulesScroll, Priority.ALWAYS);
        rulesCard.getStyleClass().add("card");

        accept = new CheckBox();
        accept.textProperty().bind(i18n.text("guest.accept"));
        accept.selectedProperty().bindBidirectional(model.rulesAcceptedProperty());
        accept.setId("guest-accept");
        accept.setWrapText(true);

        VBox demographics = DemographicsForm.build(i18n, model.ageBandProperty(), model.sexProperty());

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

        // two columns, the rules and their "I accept" beside the optional questions: on a
        // 1280x800 screen age and sex are in sight without scrolling, large text included
        VBox rulesColumn = new VBox(12, rulesCard, accept);
        VBox.setVgrow(rulesCard, Priority.ALWAYS);
        HBox columns = new HBox(28, rulesColumn, demographics);
        HBox.setHgrow(rulesColumn, Priority.ALWAYS);
        HBox.setHgrow(demographics, Priority.ALWAYS);
        rulesColumn.setPrefWidth(600);
        demographics.setPrefWidth(580);
        rulesColumn.setMinWidth(0);
        demographics.setMinWidth(0);
        VBox form = new VBox(12, title, columns);
        VBox.setVgrow(columns, Priority.ALWAYS);
        form.setPadding(new Insets(20, 32, 16, 32));
        form.setMaxWidth(1240);
        VBox centered = new VBox(form);
        centered.setAlignment(Pos.TOP_CENTER);
        VBox.setVgrow(form, Priority.ALWAYS);
        // the whole form scrolls only on a screen too small for the rules' smallest card
        ScrollPane scroll = new ScrollPane(centered);
        scroll.setFocusTraversable(false);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
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
