package bg.digiclub.kiosk.platform.linux;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The few libX11 functions the idle monitor needs. {@code Display*} is a {@link Pointer}, an XID a {@link NativeLong}. */
interface Xlib extends Library {
    Pointer XOpenDisplay(String displayName);

    NativeLong XDefaultRootWindow(Pointer display);

    int XCloseDisplay(Pointer display);

    int XFree(Pointer data);

    /**
     * Process-wide: called when any connection to an X server breaks. Returns the previous
     * handler's address (a raw pointer, so it can be compared with ours and chained to).
     */
    Pointer XSetIOErrorHandler(IOErrorHandler handler);

    /** Per display (libX11 1.7+): called after the IO error handler; the default calls {@code exit(1)}. */
    void XSetIOErrorExitHandler(Pointer display, IOErrorExitHandler handler, Pointer userData);

    /** {@code int (*)(Display *)}. */
    interface IOErrorHandler extends Callback {
        int invoke(Pointer display);
    }

    /** {@code void (*)(Display *, void *)}. */
    interface IOErrorExitHandler extends Callback {
        void invoke(Pointer display, Pointer userData);
    }
}
