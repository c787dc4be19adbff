package bg.digiclub.kiosk;

/** Entry point of the kiosk; wires its objects together. */
public final class KioskMain {
    private KioskMain() {
    }

    public static void main(String[] args) {
        System.err.println("digiclub-kiosk: not built yet");
        System.exit(2);
    }
}
