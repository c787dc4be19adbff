package bg.digiclub.kiosk.platform.linux;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.kiosk.platform.IdleMonitor;

/**
 * Idle time from the X server's MIT-SCREEN-SAVER extension: input to any client counts.
 *
 * <p>The monitor opens its own connection to the display and uses it only from its own thread
 * (Xlib connections are not shared across threads here). When the X server goes away Xlib calls
 * the IO error handler and then the display's exit handler, whose default is {@code exit(1)} —
 * which would take the JVM with it. The monitor installs a returning IO error handler (chaining
 * to the previous one for other connections, such as the UI toolkit's) and a returning exit
 * handler on its own connection, both held in static fields so the garbage collector never frees
 * a callback native code still points to. A broken connection is dropped (not closed: Xlib must
 * not touch it again) and {@link #idleTime()} answers empty until a server is back.
 *
 * <p>libX11 older than 1.7 has no {@code XSetIOErrorExitHandler}; there the monitor refuses to
 * connect and always answers empty rather than risk the JVM.
 */
public final class X11IdleMonitor implements IdleMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(X11IdleMonitor.class);

    /** A healthy server answers in microseconds; this only bounds a hung one. */
    private static final long QUERY_TIMEOUT_MS = 2000;

    /** Native addresses of our displays whose connection broke. */
    private static final Set<Long> BROKEN = ConcurrentHashMap.newKeySet();
    /** Native addresses of displays this class opened. */
    private static final Set<Long> OURS = ConcurrentHashMap.newKeySet();
    /** The handler that was installed before ours, called for displays that are not ours. */
    private static volatile Function previousIoErrorHandler;

    private static final Xlib.IOErrorHandler IO_ERROR_HANDLER = X11IdleMonitor::onIoError;
    private static final Xlib.IOErrorExitHandler IO_ERROR_EXIT_HANDLER = (display, data) -> {
        // Returning here instead of exiting is the point: Xlib marks the display dead and returns.
    };

    private final String displayName;
    private final ExecutorService xThread;

    // Touched only on xThread.
    private Pointer display;
    private NativeLong rootWindow;
    private Pointer info;
    private boolean givenUp;

    /**
     * @param displayName the X display, e.g. {@code :0}; null means {@code $DISPLAY}
     */
    public X11IdleMonitor(String displayName) {
        this.displayName = displayName;
        this.xThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "x11-idle");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Optional<Duration> idleTime() {
        try {
            return xThread.submit(this::query).get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("X server {} did not answer the idle query in {} ms", displayName, QUERY_TIMEOUT_MS);
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warn("Idle query on X display {} failed", displayName, e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return Optional.empty(); // closed
        }
    }

    @Override
    public void close() {
        try {
            xThread.submit(this::disconnect).get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Closing the X idle monitor", e);
        } finally {
            xThread.shutdownNow();
        }
    }

    private Optional<Duration> query() {
        if (display != null && BROKEN.contains(Pointer.nativeValue(display))) {
            LOG.warn("Connection to X display {} broke; idle time unknown until it is back", displayName);
            forgetBrokenDisplay();
        }
        if (display == null && !connect()) {
            return Optional.empty();
        }
        Libraries libs = Libraries.get();
        claimIoErrorHandler(libs.x11);
        if (libs.xss.XScreenSaverQueryInfo(display, rootWindow, info) == 0
                || BROKEN.contains(Pointer.nativeValue(display))) {
            return Optional.empty();
        }
        XScreenSaver.Info read = new XScreenSaver.Info(info);
        read.read();
        return Optional.of(Duration.ofMillis(read.idle.longValue()));
    }

    private boolean connect() {
        if (givenUp) {
            return false;
        }
        Libraries libs = Libraries.get();
        if (libs == null) {
            givenUp = true;
            return false;
        }
        claimIoErrorHandler(libs.x11);
        Pointer opened = libs.x11.XOpenDisplay(displayName);
        if (opened == null) {
            LOG.debug("Cannot open X display {}", displayName);
            return false; // no server (yet); try again next time
        }
        OURS.add(Pointer.nativeValue(opened));
        try {
            libs.x11.XSetIOErrorExitHandler(opened, IO_ERROR_EXIT_HANDLER, null);
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("libX11 has no XSetIOErrorExitHandler (needs 1.7+); idle time from X is off to keep the JVM safe");
            libs.x11.XCloseDisplay(opened);
            OURS.remove(Pointer.nativeValue(opened));
            givenUp = true;
            return false;
        }
        if (libs.xss.XScreenSaverQueryExtension(opened, new IntByReference(), new IntByReference()) == 0) {
            LOG.warn("X display {} has no MIT-SCREEN-SAVER extension; idle time unknown", displayName);
            libs.x11.XCloseDisplay(opened);
            OURS.remove(Pointer.nativeValue(opened));
            givenUp = true;
            return false;
        }
        display = opened;
        rootWindow = libs.x11.XDefaultRootWindow(opened);
        info = libs.xss.XScreenSaverAllocInfo();
        LOG.info("Reading idle time from X display {}", displayName);
        return true;
    }

    private void forgetBrokenDisplay() {
        // Xlib must not be called on a connection after an IO error, not even XCloseDisplay or
        // XFree of memory tied to it, so both are left behind: a few bytes per broken server.
        BROKEN.remove(Pointer.nativeValue(display));
        display = null;
        info = null;
    }

    private void disconnect() {
        if (display == null) {
            return;
        }
        Libraries libs = Libraries.get();
        if (!BROKEN.contains(Pointer.nativeValue(display))) {
            libs.x11.XFree(info);
            libs.x11.XCloseDisplay(display);
        }
        OURS.remove(Pointer.nativeValue(display));
        display = null;
        info = null;
    }

    /**
     * Puts our IO error handler in place, keeping whatever was there as the one to chain to. Done
     * before every query because a toolkit starting later (GTK) installs its own, which exits.
     */
    private static synchronized void claimIoErrorHandler(Xlib x11) {
        Pointer ours = CallbackReference.getFunctionPointer(IO_ERROR_HANDLER);
        Pointer previous = x11.XSetIOErrorHandler(IO_ERROR_HANDLER);
        if (previous != null && !previous.equals(ours)) {
            previousIoErrorHandler = Function.getFunction(previous);
        }
    }

    private static int onIoError(Pointer display) {
        long address = Pointer.nativeValue(display);
        if (OURS.contains(address)) {
            BROKEN.add(address);
            return 0;
        }
        Function previous = previousIoErrorHandler;
        // Another connection (the UI's): behave as if we were not here.
        return previous == null ? 0 : previous.invokeInt(new Object[] {display});
    }

    /** libX11 and libXss, loaded once; null if either is missing. */
    private static final class Libraries {
        private static final Libraries INSTANCE = load();

        final Xlib x11;
        final XScreenSaver xss;

        private Libraries(Xlib x11, XScreenSaver xss) {
            this.x11 = x11;
            this.xss = xss;
        }

        static Libraries get() {
            return INSTANCE;
        }

        private static Libraries load() {
            try {
                return new Libraries(Native.load("X11", Xlib.class), Native.load("Xss", XScreenSaver.class));
            } catch (UnsatisfiedLinkError e) {
                LOG.warn("libX11 or libXss is not installed ({}); idle time unknown", e.getMessage());
                return null;
            }
        }
    }
}
