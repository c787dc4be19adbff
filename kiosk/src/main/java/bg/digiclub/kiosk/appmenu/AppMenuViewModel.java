package bg.digiclub.kiosk.appmenu;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AppLauncher;

/**
 * The launcher of the session bar: the club's tiles grouped by what people come to do, started on
 * request.
 */
public final class AppMenuViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AppMenuViewModel.class);

    private final AppLauncher launcher;
    private final Executor work;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<LaunchProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    public AppMenuViewModel(AppLauncher launcher, Executor work, Executor ui) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    public List<AllowedApp> apps() {
        return launcher.apps();
    }

    /**
     * The tiles by category, in {@link TileCategory}'s order (e-government first, browsing last),
     * each group in the club's order; a category without tiles has no group.
     */
    public List<TileGroup> groups() {
        Map<TileCategory, List<AllowedApp>> byCategory = new EnumMap<>(TileCategory.class);
        for (AllowedApp app : launcher.apps()) {
            byCategory.computeIfAbsent(app.category(), c -> new ArrayList<>()).add(app);
        }
        return byCategory.entrySet().stream()
                .map(e -> new TileGroup(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * What to tell of the last start, or null: why it failed, or, in the demo (whose launcher
     * starts nothing), that nothing starts there. The menu comes back to show it.
     */
    public ReadOnlyObjectProperty<LaunchProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void launch(AllowedApp app) {
        problem.set(null);
        work.execute(() -> {
            try {
                launcher.launch(app);
                if (launcher.startsNothing()) {
                    ui.execute(() -> problem.set(new LaunchProblem("apps.demo", app)));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot start {}: {}", app.id(), e.getMessage());
                ui.execute(() -> problem.set(new LaunchProblem("apps.error.cannotStart", app)));
            }
        });
    }
}
