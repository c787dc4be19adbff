package bg.digiclub.kiosk.guest;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.ui.Widgets;

/**
 * The optional age band and sex choice, "prefer not to say" included and preselected; shared by
 * the guest form and a member's first login. Only the bands offered today ({@link AgeBand#offered()}):
 * the legacy ones stay readable elsewhere but are never chosen anew.
 */
public final class DemographicsForm {
    private DemographicsForm() {}

    public static VBox build(I18n i18n, ObjectProperty<AgeBand> ageBand, ObjectProperty<Sex> sex) {
        VBox form = new VBox(
                10,
                Widgets.label(i18n, "demographics.intro", "hint"),
                Widgets.label(i18n, "demographics.age", "subheading"),
                choices(i18n, AgeBand.offered(), ageBand, "age."),
                Widgets.label(i18n, "demographics.sex", "subheading"),
                choices(i18n, List.of(Sex.values()), sex, "sex."));
        return form;
    }

    private static <T extends Enum<T>> FlowPane choices(
            I18n i18n, List<T> values, ObjectProperty<T> chosen, String keyPrefix) {
        ToggleGroup group = new ToggleGroup();
        FlowPane pane = new FlowPane(8, 8);
        pane.getStyleClass().add("choices");
        for (T value : values) {
            ToggleButton toggle = new ToggleButton();
            // "not declared" is the visitor's answer here, the dashboard's "not stated" there
            String key = value.name().equals("NOT_DECLARED") ? "demographics.preferNotToSay" : keyPrefix + value.name();
            toggle.textProperty().bind(i18n.text(key));
            toggle.setUserData(value);
            toggle.setToggleGroup(group);
            toggle.setId(keyPrefix + value.name());
            pane.getChildren().add(toggle);
        }
        select(group, chosen.get());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // a toggle group lets the selected button be pressed off; an answer is always chosen
                group.selectToggle(old);
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) now.getUserData();
                chosen.set(value);
            }
        });
        chosen.addListener((obs, old, now) -> select(group, now));
        return pane;
    }

    private static void select(ToggleGroup group, Object value) {
        group.getToggles().stream()
                .filter(t -> t.getUserData() == value)
                .findFirst()
                .ifPresent(group::selectToggle);
    }
}
