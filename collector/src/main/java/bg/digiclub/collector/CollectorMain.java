package bg.digiclub.collector;

/** Entry point of the collector; wires its objects together. */
public final class CollectorMain {
    private CollectorMain() {
    }

    public static void main(String[] args) {
        System.err.println("digiclub-collector: not built yet");
        System.exit(2);
    }
}
