package bg.digiclub.kiosk.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts allowed apps as plain processes (argv, no shell) and remembers what it started during
 * the session. The list is a courtesy for the UI; ending a session does not rely on it, because
 * programs that double-fork leave the tree ({@code SessionProcesses} scans the whole table).
 */
public final class ProcessAppLauncher implements AppLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessAppLauncher.class);

    private final Map<String, AllowedApp> byId = new LinkedHashMap<>();
    private final List<ProcessHandle> started = new ArrayList<>();

    public ProcessAppLauncher(List<AllowedApp> apps) {
        for (AllowedApp app : apps) {
            if (byId.put(app.id(), app) != null) {
                throw new IllegalArgumentException("app id '" + app.id() + "' appears twice");
            }
        }
    }

    @Override
    public List<AllowedApp> apps() {
        return List.copyOf(byId.values());
    }

    @Override
    public void launch(AllowedApp app) throws IOException {
        Objects.requireNonNull(app, "app");
        AllowedApp allowed = byId.get(app.id());
        if (!app.equals(allowed)) {
            // Only the configured command runs, never one a caller put together.
            throw new IllegalArgumentException("'" + app.id() + "' is not an allowed app as configured");
        }
        Process process;
        try {
            process = new ProcessBuilder(allowed.command())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn("Cannot start app {} ({})", allowed.id(), allowed.command().get(0), e);
            throw new IOException("Cannot start " + allowed.name() + " (" + allowed.id() + "): " + e.getMessage(), e);
        }
        synchronized (started) {
            started.add(process.toHandle());
        }
        LOG.info("Started app {} as pid {}", allowed.id(), process.pid());
        try {
            process.getOutputStream().close(); // no input: an app waiting on stdin gets end-of-file
        } catch (IOException e) {
            LOG.debug("Closing the input of app {}", allowed.id(), e);
        }
    }

    /** Processes started in this session that are still running, with their live descendants. */
    public List<ProcessHandle> sessionProcesses() {
        List<ProcessHandle> roots;
        synchronized (started) {
            roots = List.copyOf(started);
        }
        return roots.stream()
                .flatMap(h -> Stream.concat(Stream.of(h), h.descendants()))
                .filter(ProcessHandle::isAlive)
                .distinct()
                .toList();
    }

    /** Starts a new session's record; call after the session's processes were ended. */
    public void forgetSession() {
        synchronized (started) {
            started.clear();
        }
    }
}
