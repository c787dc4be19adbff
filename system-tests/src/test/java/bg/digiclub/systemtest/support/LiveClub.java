package bg.digiclub.systemtest.support;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.testsupport.TestClock;

/**
 * The common start of the live console's tests: a collector with the club НЧ „Родина – 1860“ and
 * its mentor's dashboard account, the hostile {@link LiveProxy} in front of the collector's live
 * endpoint, and the club's PCs enrolled and connected through it.
 *
 * <p>The collector and the PCs have clocks of their own (both start on a Wednesday morning at
 * the club), so that a test can move the collector's time alone: how long a command stays
 * meaningful is the collector's to judge, by its clock.
 */
public final class LiveClub implements AutoCloseable {
    public static final String CLUB = RodinaMonday.CLUB;
    public static final String MENTOR = "rodina-mentor";
    /** 2026-11-25 09:07:13 in Sofia: off the quarter hours, as the privacy scan wants session starts. */
    public static final Instant MORNING = Instant.parse("2026-11-25T07:07:13Z");

    public final TestClock collectorClock = TestClock.sofia(MORNING);
    public final TestClock pcClock = TestClock.sofia(MORNING);
    public final CollectorUnderTest collector;
    public final LiveProxy network;
    public final List<LivePc> pcs = new ArrayList<>();
    private final String mentorPassword;

    /** @param store {@link CollectorDatabases#SQLITE} or {@link CollectorDatabases#POSTGRESQL} */
    public LiveClub(String store, Path dir, int pcCount) throws Exception {
        this.collector = new CollectorUnderTest(store, dir, collectorClock);
        this.network = new LiveProxy(() -> collector.running() ? collector.port() : -1);
        collector.addClub(CLUB, RodinaMonday.CLUB_NAME, RodinaMonday.PLACE);
        mentorPassword = collector.addUser(MENTOR, "CLUB_STAFF", CLUB);
        String code = collector.newEnrolmentCode(CLUB);
        for (int i = 0; i < pcCount; i++) {
            LivePc pc = new LivePc(dir.resolve("pc" + (i + 1)), pcClock, collector.url(), network.url());
            pcs.add(pc);
            pc.agent().enrol(code);
            pc.agent().sample();
            pc.connect();
        }
    }

    /** The club's mentor, signed in to the dashboard. */
    public DashboardClient mentor() throws Exception {
        return DashboardClient.signIn(collector.url(), MENTOR, mentorPassword);
    }

    /** The PC numbered {@code number} in its club (1 is the first enrolled). */
    public LivePc pc(int number) {
        return pcs.get(number - 1);
    }

    @Override
    public void close() throws Exception {
        for (LivePc pc : pcs) {
            pc.close();
        }
        network.close();
        collector.close();
    }
}
