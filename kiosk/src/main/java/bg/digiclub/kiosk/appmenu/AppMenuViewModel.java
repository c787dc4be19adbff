package bg.digiclub.kiosk.appmenu;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AppLauncher;

/** The launcher menu of the session bar: the club's allowed applications, started on request. */
public final class AppMenuViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AppMenuViewModel.class);

    private final AppLauncher launcher;
    private final Executor work;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    public AppMenuViewModel(AppLauncher launcher, Executor work, Executor ui) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    public List<AllowedApp> apps() {
        return launcher.apps();
    }

    /**
     * What to tell of the last start, or null: why it failed, or, in the demo (whose launcher
     * starts nothing), that nothing starts there. The menu comes back to show it.
     */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void launch(AllowedApp app) {
        problem.set(null);
        work.execute(() -> {
            try {
                launcher.launch(app);
                if (launcher.startsNothing()) {
                    ui.execute(() -> problem.set(Message.of("apps.demo", app.name())));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot start {}: {}", app.id(), e.getMessage());
                ui.execute(() -> problem.set(Message.of("apps.error.cannotStart", app.name())));
            }
        });
    }
}
