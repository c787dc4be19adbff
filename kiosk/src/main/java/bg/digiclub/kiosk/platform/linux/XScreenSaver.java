package bg.digiclub.kiosk.platform.linux;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;

/** The MIT-SCREEN-SAVER extension from libXss; jna-platform has no binding for it. */
interface XScreenSaver extends Library {
    /** Non-zero if the server has the extension. */
    int XScreenSaverQueryExtension(Pointer display, IntByReference eventBase, IntByReference errorBase);

    /** A zeroed {@code XScreenSaverInfo} to be released with {@code XFree}. */
    Pointer XScreenSaverAllocInfo();

    /** Non-zero on success; fills {@code info}. */
    int XScreenSaverQueryInfo(Pointer display, NativeLong drawable, Pointer info);

    /** {@code XScreenSaverInfo}; {@link #idle} is milliseconds since the last input. */
    @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
    final class Info extends Structure {
        public NativeLong window;
        public int state;
        public int kind;
        public NativeLong tilOrSince;
        public NativeLong idle;
        public NativeLong eventMask;

        Info(Pointer memory) {
            super(memory);
        }
    }
}
