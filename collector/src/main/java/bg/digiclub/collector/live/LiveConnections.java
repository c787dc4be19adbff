package bg.digiclub.collector.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The live connections this instance holds, one per PC: a PC's new connection replaces its old one. */
final class LiveConnections {
    private final Map<UUID, PcConnection> byDevice = new ConcurrentHashMap<>();

    /** Holds the connection; returns the PC's previous one (the caller closes it). */
    Optional<PcConnection> hold(PcConnection connection) {
        return Optional.ofNullable(byDevice.put(connection.deviceId(), connection));
    }

    /** Lets the connection go, unless the PC has a newer one already; true if it was held. */
    boolean release(PcConnection connection) {
        return byDevice.remove(connection.deviceId(), connection);
    }

    Optional<PcConnection> of(UUID deviceId) {
        return Optional.ofNullable(byDevice.get(deviceId));
    }

    List<PcConnection> ofClub(String clubId) {
        return byDevice.values().stream().filter(c -> c.clubId().equals(clubId)).toList();
    }

    Collection<PcConnection> all() {
        return List.copyOf(byDevice.values());
    }

    int size() {
        return byDevice.size();
    }
}
