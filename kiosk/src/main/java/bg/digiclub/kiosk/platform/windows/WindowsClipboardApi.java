package bg.digiclub.kiosk.platform.windows;

import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.win32.StdCallLibrary;

/** The clipboard functions of user32 that jna-platform's {@code User32} does not declare. */
interface WindowsClipboardApi extends StdCallLibrary {
    boolean OpenClipboard(WinDef.HWND owner);

    boolean EmptyClipboard();

    boolean CloseClipboard();
}
