package bg.digiclub.agent.health.sampling.oshi;

import java.util.ArrayList;
import java.util.List;

import oshi.hardware.NetworkIF;

import bg.digiclub.agent.health.sampling.NetworkCounters;
import bg.digiclub.agent.health.sampling.NetworkUp;

/** Network counters refreshed through OSHI (Windows IP Helper, macOS sysctl). */
final class OshiNetworkCounters implements NetworkCounters {

    @Override
    public List<InterfaceCount> read(List<NetworkIF> interfaces) {
        List<InterfaceCount> counts = new ArrayList<>(interfaces.size());
        for (NetworkIF nif : interfaces) {
            if (nif.updateAttributes()) {
                counts.add(new InterfaceCount(
                        nif.getName(),
                        NetworkUp.of(nif.getIfOperStatus()),
                        nif.getBytesRecv(),
                        nif.getBytesSent(),
                        nif.getTimeStamp()));
            }
        }
        return counts;
    }
}
