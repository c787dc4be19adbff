package bg.digiclub.installer;

/** Entry point of the installer: not built yet (a later issue); says so instead of pretending. */
public final class InstallerMain {
    private InstallerMain() {
    }

    public static void main(String[] args) {
        System.err.println("digiclub-installer: not available yet — install the agent and kiosk jars by hand (see README)");
        System.exit(2);
    }
}
