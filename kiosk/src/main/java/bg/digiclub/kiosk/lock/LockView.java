package bg.digiclub.kiosk.lock;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.ui.Widgets;

/**
 * The lock screen. The three ways in come first in the focus order, so Tab from the start lands
 * on them before the language and display switches.
 */
public final class LockView {
    private final LockViewModel model;
    private final I18n i18n;
    private final BorderPane root;
    private final Button guest;

    public LockView(LockViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.guest = Widgets.button(i18n, "lock.startGuest", model::startAsGuest, "primary", "big");
        guest.setId("lock-guest");
        Button member = Widgets.button(i18n, "lock.memberLogin", model::memberLogin, "big");
        member.setId("lock-member");
        Button staff = Widgets.button(i18n, "lock.staff", model::staff);
        staff.setId("lock-staff");
        guest.disableProperty().bind(model.visitorsShutOutProperty());
        member.disableProperty().bind(model.visitorsShutOutProperty());
        // staff may go in while the PC is out of order: they are the ones to fix it
        staff.disableProperty().bind(model.preparingProperty());
        for (Button way : new Button[] {guest, member, staff}) {
            way.setMaxWidth(Double.MAX_VALUE);
        }
        Label club = new Label(model.clubName());
        club.getStyleClass().add("club-name");
        club.setWrapText(true);
        club.setId("lock-club");
        Label time = new Label();
        time.getStyleClass().add("clock-time");
        time.textProperty().bind(i18n.text(() -> format(model.nowProperty().get(), "HH:mm"), model.nowProperty()));
        Label date = new Label();
        date.getStyleClass().add("clock-date");
        date.textProperty()
                .bind(i18n.text(
                        () -> format(model.nowProperty().get(), i18n.format("lock.datePattern")), model.nowProperty()));
        // "choose how to start"; or the help call's state, or the number a held PC waits for;
        // nothing while only staff may go in (the reason is said instead)
        Label welcome = Widgets.messageLabel(i18n, model.headlineProperty(), "subheading");
        welcome.setId("lock-welcome");
        Label state = Widgets.messageLabel(i18n, model.stateProperty(), "problem");
        state.setId("lock-state");
        // "Reserved for №7" takes the clock's place, to be read from across the room
        Label reserved = Widgets.messageLabel(i18n, model.reservedTitleProperty(), "reserved-title");
        reserved.setId("lock-reserved");
        for (Label clockPart : new Label[] {date, time}) {
            clockPart.visibleProperty().bind(model.reservedProperty().not());
            clockPart.managedProperty().bind(clockPart.visibleProperty());
        }
        Label closing = Widgets.messageLabel(i18n, model.closingSoonProperty(), "problem");
        closing.setId("lock-closing");
        for (Label said : new Label[] {welcome, state, reserved, closing}) {
            said.setTextAlignment(TextAlignment.CENTER);
        }
        Label preparing = Widgets.label(i18n, "lock.preparing", "hint");
        preparing.visibleProperty().bind(model.preparingProperty());
        preparing.setId("lock-preparing");
        Label notice = Widgets.messageLabel(i18n, model.noticeProperty(), "problem");
        notice.setId("lock-notice");

        VBox ways = new VBox(16, guest, member, staff);
        ways.setAlignment(Pos.CENTER);
        ways.setMaxWidth(Region.USE_PREF_SIZE);
        VBox center = new VBox(12, club, date, time, reserved, welcome, state, closing, notice, ways, preparing);
        center.setAlignment(Pos.CENTER);
        center.setPadding(new Insets(8, 40, 8, 40));
        // scrolls rather than clips when large text makes it taller than a small screen
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFocusTraversable(false);
        scroll.setFitToWidth(true);
        // as tall as the screen (centred on it), or taller and scrolled: never squeezed below its
        // preferred height. Not a binding of its height to the viewport's: that fed each layout
        // back into the next, and the lock screen was laid out and painted 60 times a second.
        scroll.setFitToHeight(true);
        center.setMinHeight(Region.USE_PREF_SIZE);

        root = new BorderPane();
        // the center is added first so that Tab reaches the ways in before the switches
        root.setCenter(scroll);
        root.setTop(switches());
        root.setId("lock-screen");
    }

    private Node switches() {
        ToggleButton bg = languageButton(Language.BG, "Български");
        ToggleButton en = languageButton(Language.EN, "English");
        ToggleButton large = new ToggleButton();
        large.textProperty().bind(i18n.text("lock.largeText"));
        large.setOnAction(e -> model.toggleLargeText());
        follow(large, model.displayMode().largeTextProperty());
        large.setId("lock-large-text");
        ToggleButton contrast = new ToggleButton();
        contrast.textProperty().bind(i18n.text("lock.highContrast"));
        contrast.setOnAction(e -> model.toggleHighContrast());
        follow(contrast, model.displayMode().highContrastProperty());
        contrast.setId("lock-high-contrast");
        HBox switches = new HBox(10, bg, en, large, contrast);
        switches.setAlignment(Pos.TOP_RIGHT);
        // "Help" in the other top corner, apart from the ways in: always there, even when no session may start
        Button help = Widgets.button(i18n, "lock.help", model::callHelp);
        help.setId("lock-help");
        // lit while the call is on; its state is said under the clock
        Widgets.styleWhen(help, "help-called", model.helpCalledProperty().get());
        model.helpCalledProperty().addListener((obs, old, on) -> Widgets.styleWhen(help, "help-called", on));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, help, gap, switches);
        bar.setAlignment(Pos.TOP_LEFT);
        bar.setPadding(new Insets(16));
        return bar;
    }

    /** The switch shows the mode, also when the mode changes without it (the reset for a new visitor). */
    private static void follow(ToggleButton toggle, javafx.beans.value.ObservableBooleanValue mode) {
        toggle.setSelected(mode.get());
        mode.addListener((obs, old, on) -> toggle.setSelected(on));
    }

    private ToggleButton languageButton(Language language, String ownName) {
        // each language is named in itself, so a visitor finds theirs whatever is showing; no
        // toggle group, because Tab would then stop only at the selected language
        ToggleButton button = new ToggleButton(ownName);
        button.setId("lock-lang-" + language.name().toLowerCase(java.util.Locale.ROOT));
        button.setSelected(model.languageProperty().get() == language);
        button.setOnAction(e -> {
            model.useLanguage(language);
            button.setSelected(true);
        });
        model.languageProperty().addListener((obs, old, now) -> button.setSelected(now == language));
        return button;
    }

    private String format(ZonedDateTime when, String pattern) {
        return when == null
                ? ""
                : DateTimeFormatter.ofPattern(pattern, i18n.language().locale()).format(when);
    }

    public Node root() {
        return root;
    }

    /** Puts the keyboard focus on "Start as guest", the most common way in. */
    public void focusFirst() {
        guest.requestFocus();
    }
}
