package bg.digiclub.installer;

/** Entry point of the installer; wires its objects together. */
public final class InstallerMain {
    private InstallerMain() {
    }

    public static void main(String[] args) {
        System.err.println("digiclub-installer: not built yet");
        System.exit(2);
    }
}
