package bg.digiclub.kiosk.platform.windows;

import java.io.IOException;

import com.sun.jna.Native;
import com.sun.jna.win32.W32APIOptions;

import bg.digiclub.kiosk.platform.ClipboardCleaner;

/** Empties the Windows clipboard with {@code OpenClipboard}/{@code EmptyClipboard}. Untested off Windows. */
public final class WindowsClipboardCleaner implements ClipboardCleaner {
    @Override
    public void clear() throws IOException {
        WindowsClipboardApi user32 = Native.load("user32", WindowsClipboardApi.class, W32APIOptions.DEFAULT_OPTIONS);
        if (!user32.OpenClipboard(null)) {
            throw new IOException("OpenClipboard failed (error " + Native.getLastError() + ")");
        }
        try {
            if (!user32.EmptyClipboard()) {
                throw new IOException("EmptyClipboard failed (error " + Native.getLastError() + ")");
            }
        } finally {
            user32.CloseClipboard();
        }
    }
}
