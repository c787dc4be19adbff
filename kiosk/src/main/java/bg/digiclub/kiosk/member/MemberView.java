package bg.digiclub.kiosk.member;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import bg.digiclub.kiosk.guest.DemographicsForm;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.ui.Widgets;

/** Member login: card code, PIN, a clear reason when refused; then, once, the declaration. */
public final class MemberView {
    private final ScrollPane root;
    private final TextField code;
    private final Button declareStart;
    private final MemberViewModel model;

    public MemberView(MemberViewModel model, I18n i18n) {
        this.model = model;
        code = new TextField();
        code.textProperty().bindBidirectional(model.cardCodeProperty());
        code.setId("member-code");
        PasswordField pin = new PasswordField();
        pin.textProperty().bindBidirectional(model.pinProperty());
        pin.setId("member-pin");
        Label codeLabel = Widgets.label(i18n, "member.code", "subheading");
        codeLabel.setLabelFor(code);
        Label pinLabel = Widgets.label(i18n, "member.pin", "subheading");
        pinLabel.setLabelFor(pin);
        GridPane fields = new GridPane();
        fields.setHgap(16);
        fields.setVgap(12);
        fields.addRow(0, codeLabel, code);
        fields.addRow(1, pinLabel, pin);

        Button logIn = Widgets.button(i18n, "member.logIn", model::logIn, "primary", "big");
        logIn.setId("member-login");
        logIn.disableProperty().bind(model.busyProperty());
        Button back = Widgets.button(i18n, "common.back", model::back);
        back.setId("member-back");
        back.setCancelButton(true);
        Label problem = Widgets.messageLabel(i18n, model.problemProperty(), "problem");
        problem.setId("member-problem");
        Label checking = Widgets.label(i18n, "member.checking", "hint");
        checking.visibleProperty().bind(model.busyProperty());
        HBox actions = new HBox(16, logIn, back, checking);
        // "Back" and "checking…" on the middle line of the big button, as on the guest form
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox credentials = new VBox(
                18,
                Widgets.label(i18n, "member.title", "heading"),
                Widgets.label(i18n, "member.hint", "hint"),
                fields,
                problem,
                actions);

        declareStart = Widgets.button(i18n, "member.declareStart", model::declareAndStart, "primary", "big");
        declareStart.setId("member-declare-start");
        declareStart.disableProperty().bind(model.busyProperty());
        VBox declare = new VBox(
                18,
                Widgets.label(i18n, "member.declareTitle", "heading"),
                DemographicsForm.build(i18n, model.ageBandProperty(), model.sexProperty()),
                declareStart);

        VBox form = new VBox();
        form.setPadding(new Insets(40));
        form.setMaxWidth(1100);
        model.stepProperty().addListener((obs, old, step) -> {
            form.getChildren().setAll(step == MemberViewModel.Step.DECLARE ? declare : credentials);
            logIn.setDefaultButton(step == MemberViewModel.Step.CREDENTIALS);
            declareStart.setDefaultButton(step == MemberViewModel.Step.DECLARE);
            if (step == MemberViewModel.Step.DECLARE) {
                declareStart.requestFocus();
            }
        });
        form.getChildren().setAll(credentials);
        logIn.setDefaultButton(true);
        VBox centered = new VBox(form);
        centered.setAlignment(Pos.TOP_CENTER);
        root = new ScrollPane(centered);
        root.setFocusTraversable(false);
        root.setFitToWidth(true);
        root.setId("member-screen");
    }

    public Node root() {
        return root;
    }

    public void focusFirst() {
        if (model.stepProperty().get() == MemberViewModel.Step.CREDENTIALS) {
            code.requestFocus();
        } else {
            declareStart.requestFocus();
        }
    }
}
