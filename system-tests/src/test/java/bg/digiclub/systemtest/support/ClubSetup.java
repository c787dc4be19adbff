package bg.digiclub.systemtest.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.testsupport.TestClock;

/**
 * The common start of the fault tests: a collector with the club, a fault proxy in front of it,
 * and the club's PCs enrolled through the proxy.
 */
public final class ClubSetup implements AutoCloseable {
    public final TestClock clock;
    public final CollectorUnderTest collector;
    public final FaultProxy network;
    public final List<ClubPc> pcs = new ArrayList<>();
    private final Path dir;

    public ClubSetup(String store, Path dir, LocalDate firstDay, int pcCount, Duration callTimeout) throws Exception {
        this.dir = dir;
        this.clock =
                TestClock.sofia(firstDay.atTime(7, 30).atZone(TestClock.SOFIA).toInstant());
        this.collector = new CollectorUnderTest(store, dir, clock);
        this.network = new FaultProxy(() -> collector.running() ? collector.port() : -1);
        collector.addClub(RodinaMonday.CLUB, RodinaMonday.CLUB_NAME, RodinaMonday.PLACE);
        String code = collector.newEnrolmentCode(RodinaMonday.CLUB);
        for (int i = 0; i < pcCount; i++) {
            ClubPc pc = new ClubPc(dir.resolve("pc" + (i + 1)), clock, network.url(), callTimeout);
            pcs.add(pc);
            pc.enrol(code);
        }
    }

    /** The kiosks of every PC, with the plan's member cards issued. */
    public ClubSimulation simulation() throws Exception {
        ClubSimulation club = new ClubSimulation(clock, pcs);
        club.issueCards(0, RodinaMonday.PC0_MEMBERS);
        if (pcs.size() > 1) {
            club.issueCards(1, RodinaMonday.PC1_MEMBERS);
        }
        return club;
    }

    /** A day of the plan thinned out (about one visit in {@code every}), different each day. */
    public static List<Visit> thinned(LocalDate day, int index, int every, int pcCount) {
        List<Visit> all = RodinaMonday.visits(day);
        List<Visit> out = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) {
            if ((j + index) % every == 0 && all.get(j).pc() < pcCount) {
                out.add(all.get(j));
            }
        }
        return out;
    }

    public ClubPc[] pcArray() {
        return pcs.toArray(ClubPc[]::new);
    }

    @Override
    public void close() throws Exception {
        for (ClubPc pc : pcs) {
            pc.close();
        }
        network.close();
        collector.close();
    }
}
