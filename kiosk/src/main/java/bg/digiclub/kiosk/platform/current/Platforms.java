package bg.digiclub.kiosk.platform.current;

import java.util.List;
import java.util.Locale;

import bg.digiclub.kiosk.platform.Platform;
import bg.digiclub.kiosk.platform.linux.LinuxPlatform;
import bg.digiclub.kiosk.platform.windows.WindowsPlatform;

/**
 * The one place that decides which operating system's implementations the kiosk uses. It sits above
 * {@code platform} (the interfaces) and {@code platform.linux}/{@code platform.windows} (which implement
 * them), as OSHI's {@code SystemInfo} sits above its platform classes, so no package imports its parent
 * back.
 */
public final class Platforms {
    /** Every value {@link Platform#configKey()} can take, for validating per-OS config keys. */
    public static final List<String> CONFIG_KEYS = List.of(LinuxPlatform.CONFIG_KEY, WindowsPlatform.CONFIG_KEY);

    private Platforms() {}

    /** The platform of the running JVM. */
    public static Platform current() {
        return forOsName(System.getProperty("os.name", ""));
    }

    /**
     * The platform for an {@code os.name} value.
     *
     * @throws UnsupportedOperationException for an OS the kiosk does not support
     */
    public static Platform forOsName(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        switch (family(os)) {
            case LINUX:
                return new LinuxPlatform();
            case WINDOWS:
                return new WindowsPlatform();
            default:
                throw new UnsupportedOperationException("The kiosk runs on Linux and Windows, not on '" + osName + "'");
        }
    }

    private static Family family(String os) {
        if (os.startsWith("linux")) {
            return Family.LINUX;
        }
        if (os.startsWith("windows")) {
            return Family.WINDOWS;
        }
        return Family.OTHER;
    }

    private enum Family {
        LINUX,
        WINDOWS,
        OTHER
    }
}
