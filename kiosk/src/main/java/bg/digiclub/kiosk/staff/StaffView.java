package bg.digiclub.kiosk.staff;

import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.ui.Countdown;
import bg.digiclub.kiosk.ui.Widgets;

/** The staff PIN and, behind it, the staff panel. */
public final class StaffView {
    private final StaffViewModel model;
    private final I18n i18n;
    private final VBox root;
    private final PasswordField pin;
    private final VBox pinStep;
    private final ScrollPane panel;
    private final GridPane healthGrid = new GridPane();
    private final VBox cardList = new VBox(8);

    public StaffView(StaffViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        pin = new PasswordField();
        pin.textProperty().bindBidirectional(model.pinProperty());
        pin.setId("staff-pin");
        pin.setOnAction(e -> model.unlock());
        Label pinLabel = Widgets.label(i18n, "staff.pin", "subheading");
        pinLabel.setLabelFor(pin);
        Button open = Widgets.button(i18n, "staff.open", model::unlock, "primary", "big");
        open.setId("staff-open");
        Button back = Widgets.button(i18n, "common.back", model::close);
        back.setId("staff-back");
        back.setCancelButton(true);
        HBox actions = new HBox(16, open, back);
        // "Back" on the middle line of the big button, as on the guest form
        actions.setAlignment(Pos.CENTER_LEFT);
        pinStep = new VBox(
                18,
                Widgets.label(i18n, "staff.title", "heading"),
                pinLabel,
                pin,
                Widgets.messageLabel(i18n, model.problemProperty(), "problem"),
                actions);
        pinStep.setMaxWidth(800);

        panel = new ScrollPane(panelContent());

        panel.setFocusTraversable(false);
        panel.setFitToWidth(true);
        panel.setId("staff-panel");
        // the card list grows with the club: this one screen may scroll (the truncation check knows)
        panel.getStyleClass().add("may-scroll");

        root = new VBox();
        root.setAlignment(Pos.TOP_CENTER);
        root.setPadding(new Insets(30));
        root.setId("staff-screen");
        VBox.setVgrow(panel, Priority.ALWAYS);
        // any key, click, scroll or mouse move on the staff screen keeps the panel from relocking
        root.addEventFilter(InputEvent.ANY, e -> model.touched());
        model.unlockedProperty().addListener((obs, old, unlocked) -> showStep(unlocked));
        showStep(model.unlockedProperty().get());
    }

    private void showStep(boolean unlocked) {
        root.getChildren().setAll(unlocked ? panel : pinStep);
    }

    private Node panelContent() {
        Button close = Widgets.button(i18n, "staff.close", model::close, "primary");
        close.setId("staff-close");
        Button refresh = Widgets.button(i18n, "staff.refresh", model::refresh);
        HBox header = new HBox(16, Widgets.label(i18n, "staff.panelTitle", "heading"), close, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        Label revealed = Widgets.messageLabel(i18n, model.revealedProperty(), "revealed");
        revealed.setId("staff-revealed");
        // two columns: on a common 1280x800 screen everything is in sight without scrolling
        // the card list grows with the club: it has a column of its own, so the session and
        // maintenance controls stay in sight above the fold at normal size
        VBox left = new VBox(18, healthSection(), sessionSection(), maintenanceSection());
        VBox right = new VBox(18, cardsSection(revealed));
        // health needs the room: name, status word and the agent's value side by side. The
        // widths are in em (kiosk.css): in large text the two no longer fit side by side, and the
        // flow puts the cards below the health instead of squeezing one under the other
        left.getStyleClass().add("staff-health-column");
        right.getStyleClass().add("staff-cards-column");
        FlowPane columns = new FlowPane(18, 18, left, right);
        VBox content = new VBox(18, header, Widgets.messageLabel(i18n, model.problemProperty(), "problem"), columns);
        content.setPadding(new Insets(10));
        content.setMaxWidth(1200);
        VBox centered = new VBox(content);
        centered.setAlignment(Pos.TOP_CENTER);
        return centered;
    }

    private Node healthSection() {
        Label overall = new Label();
        overall.setId("staff-health-overall");
        overall.getStyleClass().add("subheading");
        overall.textProperty()
                .bind(i18n.text(
                        () -> model.overallProperty().get() == null
                                ? i18n.format("staff.health.loading")
                                : i18n.format(
                                        "staff.health.overall",
                                        i18n.format(statusKey(
                                                model.overallProperty().get()))),
                        model.overallProperty()));
        healthGrid.setHgap(14);
        healthGrid.setVgap(6);
        model.health().addListener((ListChangeListener<HealthLine>) change -> fillHealth());
        i18n.languageProperty().addListener((obs, old, now) -> fillHealth());
        return section("staff.health.title", overall, healthGrid);
    }

    private void fillHealth() {
        healthGrid.getChildren().clear();
        int row = 0;
        for (HealthLine line : model.health()) {
            Label what = new Label(i18n.format(line.what()));
            Label status = new Label(i18n.format(statusKey(line.status())));
            status.getStyleClass().add("status-" + line.status());
            Label value = new Label(i18n.format(line.value()));
            value.setWrapText(true);
            // a value wraps between words, never inside one
            value.setMinWidth(120);
            keepWhole(what, status);
            healthGrid.addRow(row++, what, status, value);
        }
    }

    private Node sessionSection() {
        Label state = new Label();
        state.setId("staff-session-state");
        state.textProperty()
                .bind(i18n.text(
                        () -> model.sessionRunningProperty().get()
                                ? i18n.format(
                                        "staff.session.running",
                                        Countdown.format(
                                                model.sessionRemainingProperty().get()))
                                : i18n.format("staff.session.none"),
                        model.sessionRunningProperty(),
                        model.sessionRemainingProperty()));
        Spinner<Integer> minutes = minuteSpinner(model.extendMinutesProperty().get());
        minutes.setId("staff-extend-minutes");
        minutes.valueProperty()
                .addListener((obs, old, now) -> model.extendMinutesProperty().set(now));
        Button extend = Widgets.button(i18n, "staff.session.extend", model::extendSession, "primary");
        extend.setId("staff-extend");
        Button end = Widgets.button(i18n, "staff.session.end", model::endSession, "danger");
        end.setId("staff-end");
        // people wait, yet this visitor may start now: one session, without waiting for their turn
        Button approve = Widgets.button(i18n, "staff.session.approve", model::approveSession);
        approve.setId("staff-approve");
        approve.disableProperty().bind(model.sessionRunningProperty());
        extend.disableProperty().bind(model.sessionRunningProperty().not());
        end.disableProperty().bind(model.sessionRunningProperty().not());
        Label minutesLabel = Widgets.label(i18n, "staff.session.minutes");
        keepWhole(minutesLabel, minutes, extend, end, approve);
        FlowPane controls = new FlowPane(12, 10, minutesLabel, minutes, extend, end, approve);
        controls.setAlignment(Pos.CENTER_LEFT);
        return section("staff.session.title", state, controls);
    }

    private Node cardsSection(Label revealed) {
        Button create = Widgets.button(i18n, "staff.cards.create", model::createCard, "primary");
        create.setId("staff-create-card");
        model.cards().addListener((ListChangeListener<MemberCard>) change -> fillCards());
        i18n.languageProperty().addListener((obs, old, now) -> fillCards());
        Label none = Widgets.label(i18n, "staff.cards.none", "hint");
        none.visibleProperty().bind(Bindings.isEmpty(model.cards()));
        none.managedProperty().bind(none.visibleProperty());
        return section("staff.cards.title", create, revealed, none, cardList);
    }

    private void fillCards() {
        cardList.getChildren().clear();
        for (MemberCard card : model.cards()) {
            Label code = new Label(card.code());
            code.getStyleClass().add("subheading");
            code.setMinWidth(Label.USE_PREF_SIZE);
            String state = card.disabled()
                    ? i18n.format("staff.cards.disabled")
                    : card.locked() ? i18n.format("staff.cards.locked") : i18n.format("staff.cards.active");
            Label info = new Label(i18n.format("staff.cards.info", state, usedMinutes(card.usedToday())));

            Button reset = Widgets.button(i18n, "staff.cards.resetPin", () -> model.resetPin(card));
            Button disable = Widgets.button(i18n, "staff.cards.disable", () -> model.disable(card));
            disable.setDisable(card.disabled());
            keepWhole(code, reset, disable);
            FlowPane row = new FlowPane(12, 6, code, info, reset, disable);
            row.setAlignment(Pos.CENTER_LEFT);
            cardList.getChildren().add(row);
        }
    }

    /** Lets a narrow column wrap the free text, never a button, a short label or a status word. */
    private static void keepWhole(Region... nodes) {
        for (Region node : nodes) {
            if (node.minWidthProperty().isBound()) {
                continue; // a Widgets label keeps itself whole already
            }
            node.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private static long usedMinutes(Duration used) {
        return used.toMinutes();
    }

    private Node maintenanceSection() {
        Spinner<Integer> minutes =
                minuteSpinner(model.maintenanceMinutesProperty().get());
        minutes.setId("staff-maintenance-minutes");
        minutes.valueProperty()
                .addListener(
                        (obs, old, now) -> model.maintenanceMinutesProperty().set(now));
        Button unlock = Widgets.button(i18n, "staff.maintenance.unlock", model::startMaintenance);
        unlock.setId("staff-maintenance");
        unlock.disableProperty().bind(model.sessionRunningProperty());
        Label minutesLabel = Widgets.label(i18n, "staff.session.minutes");
        keepWhole(minutesLabel, minutes, unlock);
        FlowPane controls = new FlowPane(12, 10, minutesLabel, minutes, unlock);
        controls.setAlignment(Pos.CENTER_LEFT);
        return section("staff.maintenance.title", Widgets.label(i18n, "staff.maintenance.hint", "hint"), controls);
    }

    private static Spinner<Integer> minuteSpinner(int initial) {
        Spinner<Integer> spinner = new Spinner<>(1, 240, initial, 5);
        spinner.setEditable(true);
        // as wide as its digits in every text size (.spinner in kiosk.css)
        return spinner;
    }

    private VBox section(String titleKey, Node... children) {
        VBox box = new VBox(10);
        box.getChildren().add(Widgets.label(i18n, titleKey, "subheading"));
        box.getChildren().addAll(children);
        box.getStyleClass().add("card");
        return box;
    }

    public Node root() {
        return root;
    }

    /** The view model, for the kiosk's ticker (the idle relock). */
    public StaffViewModel model() {
        return model;
    }

    public void focusFirst() {
        if (!model.unlockedProperty().get()) {
            pin.requestFocus();
        }
    }

    /** The status word key of a status, for the panel. */
    static String statusKey(HealthStatus status) {
        return "status." + status.name();
    }
}
