package bg.digiclub.collector.live;

import java.util.UUID;

/**
 * Something one collector instance tells all of them (PostgreSQL NOTIFY on channel
 * {@value #CHANNEL}, suffixed with the schema's name when it is not {@code public}, or in-process
 * on SQLite): the payload is short text, so that it fits a
 * notification and can be read back by {@link #parse}.
 */
sealed interface LiveSignal {
    /** The PostgreSQL notification channel every instance listens on (see {@link LiveBus#channelOf}). */
    String CHANNEL = "digiclub_live";

    /** The text sent as the notification's payload. */
    String payload();

    /** New commands wait for this PC. */
    record Commands(UUID deviceId) implements LiveSignal {
        @Override
        public String payload() {
            return "c:" + deviceId;
        }
    }

    /**
     * This PC opened a new live connection on the named instance: an older one held by another
     * instance is to be closed there. The instance that opened it replaced its own older one when it
     * opened it, and ignores the signal, which may reach it after the PC has connected yet again.
     */
    record Connected(UUID deviceId, UUID connectionId, String instanceId) implements LiveSignal {
        @Override
        public String payload() {
            return "k:" + deviceId + ":" + connectionId + ":" + instanceId;
        }
    }

    /** The club's queue or settings changed: its PCs get a new Room. */
    record RoomChanged(String clubId) implements LiveSignal {
        @Override
        public String payload() {
            return "r:" + clubId;
        }
    }

    /** The club's member cards changed: its PCs get CardsChanged. */
    record CardsChanged(String clubId, long cursor) implements LiveSignal {
        @Override
        public String payload() {
            return "x:" + cursor + ":" + clubId;
        }
    }

    private static Connected connected(String deviceId, String connectionAndInstance) {
        String[] parts = connectionAndInstance.split(":", 2);
        return new Connected(UUID.fromString(deviceId), UUID.fromString(parts[0]), parts[1]);
    }

    /** Reads a payload back; an unknown one is an IllegalArgumentException naming it. */
    static LiveSignal parse(String payload) {
        String[] parts = payload.split(":", 3);
        try {
            return switch (parts[0]) {
                case "c" -> new Commands(UUID.fromString(parts[1]));
                case "k" -> connected(parts[1], parts[2]);
                case "r" -> new RoomChanged(payload.substring(2));
                case "x" -> new CardsChanged(parts[2], Long.parseLong(parts[1]));
                default -> throw new IllegalArgumentException("unknown live signal " + payload);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable live signal " + payload, e);
        }
    }
}
