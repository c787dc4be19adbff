package bg.digiclub.systemtest.report;

import static bg.digiclub.common.link.AgeBand.AGE_15_17;
import static bg.digiclub.common.link.AgeBand.AGE_18_24;
import static bg.digiclub.common.link.AgeBand.AGE_30_54;
import static bg.digiclub.common.link.AgeBand.AGE_55_64;
import static bg.digiclub.common.link.AgeBand.AGE_65_74;
import static bg.digiclub.common.link.AgeBand.AGE_75_PLUS;
import static bg.digiclub.common.link.EndReason.LOGOUT;
import static bg.digiclub.common.link.Sex.FEMALE;
import static bg.digiclub.common.link.Sex.MALE;
import static bg.digiclub.common.link.TileCategory.E_GOVERNMENT;
import static bg.digiclub.common.link.TileCategory.LEARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.agent.member.CardSync;
import bg.digiclub.collector.live.SettingsStore;
import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.programme.AvailabilityQuery;
import bg.digiclub.collector.report.programme.MemberFigures;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReportService;
import bg.digiclub.collector.report.programme.ProgrammeSettings;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.report.programme.VisitFigures;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubSimulation;
import bg.digiclub.systemtest.support.CollectorUnderTest;
import bg.digiclub.systemtest.support.DashboardClient;
import bg.digiclub.systemtest.support.Visit;
import bg.digiclub.testsupport.TestClock;

/**
 * The programme report from known sessions, end to end: two clubs' three PCs (the real agent's
 * session authority, ledger, member cards, usage aggregation, outbox and uploader, driven through
 * the kiosk's real socket client by {@link ClubSimulation}) live a Friday in October and a Monday
 * in November 2026 and upload for real; then every figure of the programme report — through the
 * report service, the printable page, the CSV and the read API — equals the figure worked out by
 * hand below from the sessions, hidden cells ("&lt;5", "x") included.
 *
 * <p>The sessions are laid out so that the suppression is decided by the rules, not by a search:
 * each club's month has either no count from 1 to 4 or four of them on a rectangle (two age rows
 * x two sexes, margins of 5 or more), which the cycle test leaves as they are; every "x" comes from
 * the stable pattern (a period's or the municipality's cell that sums a hidden part with a shown
 * one).
 *
 * <p>Report bands are the defaults: 0-17, 18-29, 30-54, 55+ and "not declared"; youth 15-29. Our
 * bands roll up as AGE_15_17 to 0-17 (youth), AGE_18_24 to 18-29 (youth), AGE_30_54 to 30-54,
 * AGE_55_64/AGE_65_74/AGE_75_PLUS to 55+.
 */
class ProgrammeReportEndToEndTest {
    private static final ZoneId SOFIA = TestClock.SOFIA;
    private static final String RODINA = "sz-rodina-1860";
    private static final String ZAGORE = "zagore-probuda-1928";
    private static final LocalDate FRIDAY = LocalDate.of(2026, 10, 30);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final LocalTime OPEN = LocalTime.of(9, 0);
    private static final LocalTime CLOSE = LocalTime.of(17, 0);

    /** PC indexes in the simulation: Родина's two PCs, then Пробуда's one. */
    private static final int R1 = 0;

    private static final int R2 = 1;
    private static final int Z1 = 2;

    /** Мария's card, issued on Родина's PC 1: 55-64, female. */
    private static final Demographics MARIA = new Demographics(AGE_55_64, FEMALE);
    /** Петър's card, issued on Родина's PC 2: 30-54, male. */
    private static final Demographics PETAR = new Demographics(AGE_30_54, MALE);

    private static final Demographics NOBODY = new Demographics(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED);

    @TempDir
    Path dir;

    /**
     * Родина, Friday 2026-10-30, 27 sessions.
     *
     * <pre>
     * PC 1: 5 guests 18-24 F, each opens a learning tile; 1 guest 30-54 F; Мария twice (55+ F);
     *       1 guest 65-74 F; 5 guests 75+ M                                              = 14
     * PC 2: 4 guests 30-54 M, two of them open an e-government tile; Петър once (30-54 M);
     *       2 guests 30-54 sex not stated; 1 guest 55-64 sex not stated; 5 guests who state nothing = 13
     *
     *               F   M   not stated | total
     * 18-29         5   0   0          |  5
     * 30-54         1   5   2          |  8     1 and 2: "<5"
     * 55+           3   5   1          |  9     3 and 1: "<5"
     * not declared  0   0   5          |  5
     * total         9  10   8          | 27
     * </pre>
     *
     * The four small cells form a rectangle (30-54 and 55+ x F and not stated): moving one up and
     * the next down around it keeps every total, so no further cell is hidden. Learning 5 (shown),
     * e-government 2 ("&lt;5"). Youth (15-29): the 5 in 18-29.
     */
    private static List<Visit> rodinaFriday() {
        List<Visit> visits = new ArrayList<>();
        Slots pc1 = new Slots(R1, FRIDAY);
        for (int i = 0; i < 5; i++) {
            visits.add(pc1.guest(AGE_18_24, FEMALE, LEARNING));
        }
        visits.add(pc1.guest(AGE_30_54, FEMALE));
        visits.add(pc1.member(0, MARIA));
        visits.add(pc1.member(0, MARIA));
        visits.add(pc1.guest(AGE_65_74, FEMALE));
        for (int i = 0; i < 5; i++) {
            visits.add(pc1.guest(AGE_75_PLUS, MALE));
        }
        Slots pc2 = new Slots(R2, FRIDAY);
        for (int i = 0; i < 4; i++) {
            visits.add(i < 2 ? pc2.guest(AGE_30_54, MALE, E_GOVERNMENT) : pc2.guest(AGE_30_54, MALE));
        }
        visits.add(pc2.member(0, PETAR));
        visits.add(pc2.guest(AGE_30_54, Sex.NOT_DECLARED));
        visits.add(pc2.guest(AGE_30_54, Sex.NOT_DECLARED));
        visits.add(pc2.guest(AGE_55_64, Sex.NOT_DECLARED));
        for (int i = 0; i < 5; i++) {
            visits.add(pc2.guest(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED));
        }
        return visits;
    }

    /**
     * Пробуда, Friday 2026-10-30, 10 sessions on its one PC: 5 guests 15-17 M (0-17, youth);
     * 5 guests 55-64 F, one of whom opens a learning tile (1: "&lt;5").
     *
     * <pre>
     *               F   M   not stated | total
     * 0-17          0   5   0          |  5
     * 55+           5   0   0          |  5
     * total         5   5   0          | 10
     * </pre>
     */
    private static List<Visit> zagoreFriday() {
        List<Visit> visits = new ArrayList<>();
        Slots pc = new Slots(Z1, FRIDAY);
        for (int i = 0; i < 5; i++) {
            visits.add(pc.guest(AGE_15_17, MALE));
        }
        for (int i = 0; i < 5; i++) {
            visits.add(i == 0 ? pc.guest(AGE_55_64, FEMALE, LEARNING) : pc.guest(AGE_55_64, FEMALE));
        }
        return visits;
    }

    /**
     * Родина, Monday 2026-11-02, 21 sessions; Пробуда none.
     *
     * <pre>
     * PC 1: 5 guests 30-54 F, each opens an e-government tile; Мария once, with a learning tile;
     *       5 guests 65-74 F, each with a learning tile                                 = 11
     * PC 2: 4 guests 30-54 M; Петър once; 5 guests who state nothing                   = 10
     *
     *               F   M   not stated | total
     * 30-54         5   5   0          | 10
     * 55+           6   0   0          |  6
     * not declared  0   0   5          |  5
     * total        11   5   5          | 21
     * </pre>
     *
     * Nothing from 1 to 4: all shown. Learning 6, e-government 5.
     */
    private static List<Visit> rodinaMonday() {
        List<Visit> visits = new ArrayList<>();
        Slots pc1 = new Slots(R1, MONDAY);
        for (int i = 0; i < 5; i++) {
            visits.add(pc1.guest(AGE_30_54, FEMALE, E_GOVERNMENT));
        }
        visits.add(pc1.member(0, MARIA).withTiles(LEARNING));
        for (int i = 0; i < 5; i++) {
            visits.add(pc1.guest(AGE_65_74, FEMALE, LEARNING));
        }
        Slots pc2 = new Slots(R2, MONDAY);
        for (int i = 0; i < 4; i++) {
            visits.add(pc2.guest(AGE_30_54, MALE));
        }
        visits.add(pc2.member(0, PETAR));
        for (int i = 0; i < 5; i++) {
            visits.add(pc2.guest(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED));
        }
        return visits;
    }

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyFigureOfTheReportIsTheOneWorkedOutByHand(String store) throws Exception {
        TestClock clock = TestClock.sofia(FRIDAY.atTime(7, 30).atZone(SOFIA).toInstant());
        try (CollectorUnderTest collector = new CollectorUnderTest(store, dir, clock)) {
            collector.addClub(RODINA, "НЧ „Родина – 1860“", "Стара Загора");
            collector.addClub(ZAGORE, "НЧ „Пробуда – 1928“", "с. Загоре");
            String municipalityPassword = collector.addUser("obshtina", "MUNICIPALITY", null);
            String staffPassword = collector.addUser("rodina", "CLUB_STAFF", RODINA);
            String rodinaCode = collector.newEnrolmentCode(RODINA);
            String zagoreCode = collector.newEnrolmentCode(ZAGORE);
            try (ClubPc r1 = new ClubPc(dir.resolve("r1"), clock, collector.url(), Duration.ofSeconds(10));
                    ClubPc r2 = new ClubPc(dir.resolve("r2"), clock, collector.url(), Duration.ofSeconds(10));
                    ClubPc z1 = new ClubPc(dir.resolve("z1"), clock, collector.url(), Duration.ofSeconds(10))) {
                assertEquals(RODINA, r1.enrol(rodinaCode).clubId());
                assertEquals(RODINA, r2.enrol(rodinaCode).clubId());
                assertEquals(ZAGORE, z1.enrol(zagoreCode).clubId());
                try (ClubSimulation club = new ClubSimulation(clock, List.of(r1, r2, z1));
                        CardSync sync1 = r1.cardSync();
                        CardSync sync2 = r2.cardSync()) {
                    club.issueCards(R1, List.of(MARIA));
                    club.issueCards(R2, List.of(PETAR));
                    // the cards reach the collector before they are used: their visits are counted by card
                    assertEquals(CardSync.Outcome.SYNCED, sync1.syncOnce());
                    assertEquals(CardSync.Outcome.SYNCED, sync2.syncOnce());

                    List<Visit> friday = new ArrayList<>(rodinaFriday());
                    friday.addAll(zagoreFriday());
                    club.day(FRIDAY, OPEN, CLOSE, friday);
                    sync1.syncOnce();
                    sync2.syncOnce();
                    club.nightAfter(FRIDAY, LocalTime.of(6, 0));

                    club.day(MONDAY, OPEN, CLOSE, rodinaMonday());
                    sync1.syncOnce();
                    sync2.syncOnce();
                    club.nightAfter(MONDAY, LocalTime.of(6, 0));
                }
                assertEquals(0, r1.waiting() + r2.waiting() + z1.waiting(), "every batch went up in the night");
            }

            // the reports are read once the fourth quarter has settled (ended, and the days for late
            // uploads passed): before that their breakdowns are withheld
            clock.set(Instant.parse("2027-01-10T08:00:00Z"));

            // Родина's opening hours, set on its settings page afterwards (the PCs knew none): the
            // report lays the current hours over the whole period
            DashboardClient browser = DashboardClient.signIn(collector.url(), "obshtina", municipalityPassword);
            Map<String, String> hours = new LinkedHashMap<>();
            for (int day = 1; day <= 5; day++) {
                hours.put("opens-" + day + "-0", "09:00");
                hours.put("closes-" + day + "-0", "17:00");
            }
            HttpResponse<String> saved = browser.submit("/clubs/" + RODINA + "/settings", "#settings-form", hours);
            assertTrue(saved.statusCode() < 400, saved.statusCode() + ": " + saved.body());

            ProgrammeReportService service = new ProgrammeReportService(
                    collector.database(),
                    new ClubStore(collector.database()),
                    new VisitFigures(collector.database()),
                    new MemberFigures(collector.database()),
                    new AvailabilityQuery(collector.database(), new SettingsStore(StrictJson.mapper())),
                    ProgrammeSettings.defaults(),
                    clock);
            ReportPeriod quarter = ReportPeriod.quarter(2026, 4);
            ProgrammeReport municipality =
                    service.report(ReportScope.municipality(), quarter).orElseThrow();
            ProgrammeReport rodina =
                    service.report(ReportScope.club(RODINA), quarter).orElseThrow();
            ProgrammeReport october = service.report(
                            ReportScope.municipality(), ReportPeriod.month(YearMonth.of(2026, 10)))
                    .orElseThrow();

            assertEquals(
                    MUNICIPALITY_Q4, Published.of(municipality), "the municipality's fourth quarter, from the service");
            assertEquals(RODINA_Q4, Published.of(rodina), "Родина's fourth quarter, from the service");
            assertEquals(MUNICIPALITY_OCTOBER, Published.of(october), "the municipality's October, from the service");
            assertClubs(municipality);
            assertEquals(AVAILABILITY_Q4, availability(municipality));
            assertEquals(AVAILABILITY_OCTOBER, availability(october));
            // members: Мария and Петър, each once however often they came (distinct cards)
            assertEquals(2, municipality.members(), "Мария and Петър");
            assertEquals(2, rodina.members());
            assertEquals(2, october.members());
            assertEquals(MEMBERS_Q4, Published.table(municipality.membersByAgeAndSex()));
            assertEquals(MEMBERS_Q4, Published.table(rodina.membersByAgeAndSex()));
            assertEquals("x", municipality.youthMembers().text());

            // the same figures on the printable page, in its CSV and from the read API
            Document page = browser.document("/reports/programme?scope=municipality&period=2026-Q4");
            assertEquals(MUNICIPALITY_Q4, Published.of(page));
            assertEquals("2", page.selectFirst("td[data-cell=members]").text());
            assertEquals(MEMBERS_Q4, Published.table(page, "members"));
            assertEquals("x", page.selectFirst("td[data-cell=youth-members]").text());
            assertEquals(
                    "IV тримесечие 2026 г.",
                    page.getElementById("report-period").text());
            assertEquals(
                    List.of("PC 1 няма зададено работно време", "PC 1 4.4 %", "PC 2 4.4 %"),
                    page.select("#availability tbody tr").stream()
                            .map(tr -> tr.selectFirst("th").text() + " "
                                    + tr.select("td").last().text())
                            .toList(),
                    "Пробуда's PC, then Родина's two");
            Document rodinaPage = browser.document("/reports/programme?scope=" + RODINA + "&period=2026-Q4");
            assertEquals(RODINA_Q4, Published.of(rodinaPage));

            // Родина's staff read the same club report, and nothing wider
            DashboardClient staff = DashboardClient.signIn(collector.url(), "rodina", staffPassword);
            assertEquals(RODINA_Q4, Published.of(staff.document("/reports/programme?period=2026-Q4")));
            assertEquals(
                    403,
                    staff.get("/reports/programme?scope=municipality&period=2026-Q4")
                            .statusCode());
            assertEquals(
                    403,
                    staff.get("/reports/programme?scope=" + ZAGORE + "&period=2026-Q4")
                            .statusCode());

            String csv = browser.page("/reports/programme.csv?scope=municipality&period=2026-Q4");
            assertEquals(MUNICIPALITY_Q4, Published.ofCsv(csv));
            assertTrue(csv.contains("municipality,2026-Q4,availability," + RODINA + "/1,percent,4.4\r\n"), csv);
            assertTrue(csv.contains("municipality,2026-Q4,members,total,members,2\r\n"), csv);
            Map<String, String> csvValues = Published.csvValues(csv);
            assertEquals(MEMBERS_Q4, Published.table(csvValues, "members_by_age_sex"));
            assertEquals("x", csvValues.get("youth_members/15-29/members"));

            String token = apiToken(collector);
            JsonNode api = apiReport(collector, token, "municipality", "2026-Q4");
            assertEquals(MUNICIPALITY_Q4, Published.of(api));
            assertEquals(2, api.get("members").asLong());
            assertEquals(MEMBERS_Q4, Published.table(api.get("membersByAgeAndSex")));
            assertEquals("x", api.get("youthMembers").get("suppressed").asText());
            JsonNode pc1 = api.get("availability").get(1);
            assertEquals(
                    RODINA + " 1: 960 of 21600 4.4",
                    pc1.get("clubId").asText() + " " + pc1.get("pc").asInt() + ": "
                            + pc1.get("availableMinutes").asLong() + " of "
                            + pc1.get("openMinutes").asLong() + " "
                            + pc1.get("percent").asText());
        }
    }

    /*
     * PC availability. Родина's hours: Monday to Friday 09:00-17:00, 480 minutes a day, laid over
     * every day of the period from each PC's enrolment (2026-10-30 07:30): in the quarter the
     * weekdays from 30 October to 31 December, 1 + 21 (November) + 23 (December) = 45 days, 21,600
     * open minutes per PC. Each PC was on both days: its samples every 5 minutes from 09:00 to
     * 17:00 vouch for 08:55-17:00, so 480 open minutes a day, 960 in all, none CRIT.
     * 960 / 21,600 = 4.44 % -> 4.4. October alone: 30 October, 480 of 480 -> 100.0. Пробуда set no
     * hours: 0 open minutes, no percentage. Clubs in the order of their names (Пробуда, Родина).
     */
    private static final List<String> AVAILABILITY_Q4 =
            List.of(ZAGORE + " 1: 0 of 0", RODINA + " 1: 960 of 21600", RODINA + " 2: 960 of 21600");

    private static final List<String> AVAILABILITY_OCTOBER =
            List.of(ZAGORE + " 1: 0 of 0", RODINA + " 1: 480 of 480", RODINA + " 2: 480 of 480");

    private static List<String> availability(ProgrammeReport report) {
        return report.availability().stream()
                .map(pc -> pc.clubId() + " " + pc.pcNumber() + ": " + pc.availableMinutes() + " of " + pc.openMinutes())
                .toList();
    }

    /*
     * Members in the quarter: Мария (55+, female) and Петър (30-54, male), each a card of Родина
     * with visits on both days; Пробуда has none, so the municipality's table is Родина's. A table
     * of 1 to 4 members shows its total and nothing else (any split of 2 pins it: two "<5" parts of
     * 2 are 1 and 1), zeros included, and youth members (0 of them) are hidden with it.
     */
    private static final List<String> MEMBERS_Q4 = List.of(
            "0-17: x x x | x",
            "18-29: x x x | x",
            "30-54: x x x | x",
            "55+: x x x | x",
            "not-declared: x x x | x",
            "total: x x x | 2");

    /**
     * Clubs operational in the quarter: both enrolled on 2026-10-30 (at 07:30 Sofia time) and used
     * the same day; Родина's two PCs on both days, Пробуда's one on both (it was on, unused, on
     * the Monday); visits 27 + 21 = 48 and 10.
     */
    private static void assertClubs(ProgrammeReport report) {
        Map<String, String> clubs = new LinkedHashMap<>();
        for (ProgrammeReport.ClubOperation c : report.clubs()) {
            clubs.put(
                    c.clubId(),
                    c.enrolledPcs() + " " + c.activePcs() + " " + c.enrolledOn() + " " + c.firstSession() + " "
                            + c.visits());
        }
        assertEquals(Map.of(RODINA, "2 2 2026-10-30 2026-10-30 48", ZAGORE, "1 1 2026-10-30 2026-10-30 10"), clubs);
    }

    /*
     * The municipality's October is the sum of its clubs' Octobers, each cell shown only where both
     * clubs' are (an "x" where a hidden part meets a shown non-zero one; "<5" where the only hidden
     * part is "<5" and the other is 0):
     *
     *               F             M    not stated | total
     * 0-17          0             5    0          |  5      Пробуда's 15-17 boys
     * 18-29         5             0    0          |  5
     * 30-54         <5 (1+0)      5    <5 (2+0)   |  8
     * 55+           x  (3+5 = 8)  5    <5 (1+0)   | 14      Родина's hidden 3 meets Пробуда's 5
     * not declared  0             0    5          |  5
     * total         14           15    8          | 37
     *
     * Youth 5 + 5 = 10. Learning: Родина 5 shown + Пробуда 1 hidden -> x (6: the total would pin the
     * 1); e-government: Родина 2 hidden + Пробуда 0 -> <5.
     */
    private static final Published MUNICIPALITY_OCTOBER = new Published(
            List.of(
                    "0-17: 0 5 0 | 5",
                    "18-29: 5 0 0 | 5",
                    "30-54: <5 5 <5 | 8",
                    "55+: x 5 <5 | 14",
                    "not-declared: 0 0 5 | 5",
                    "total: 14 15 8 | 37"),
            "10",
            List.of("LEARNING x", "E_GOVERNMENT <5", "HEALTH 0", "PAYMENTS 0", "FAMILY 0", "WRITING 0", "BROWSING 0"),
            List.of("2026-10 37"),
            37);

    /*
     * The quarter (October, November, December 2026) is the sum of its months; a cell is shown only
     * where every month shows it. November (Родина only) shows everything; December has no visits.
     *
     *               F                   M            not stated      | total
     * 0-17          0                   5            0               |  5
     * 18-29         5                   0            0               |  5
     * 30-54         x  (<5 1 + 5 = 6)   10 (5 + 5)   <5 (2 + 0)      | 18
     * 55+           x  (x 8 + 6 = 14)   5            <5 (1 + 0)      | 20
     * not declared  0                   0            10 (5 + 5)      | 10
     * total         25 (14 + 11)        20 (15 + 5)  13 (8 + 5)      | 58
     *
     * Youth 10 + 0 = 10. Learning x (October's x 6 + November's 6 = 12); e-government x (October's
     * <5 2 + November's 5 = 7). Visits by month 37, 21, 0.
     */
    private static final Published MUNICIPALITY_Q4 = new Published(
            List.of(
                    "0-17: 0 5 0 | 5",
                    "18-29: 5 0 0 | 5",
                    "30-54: x 10 <5 | 18",
                    "55+: x 5 <5 | 20",
                    "not-declared: 0 0 10 | 10",
                    "total: 25 20 13 | 58"),
            "10",
            List.of("LEARNING x", "E_GOVERNMENT x", "HEALTH 0", "PAYMENTS 0", "FAMILY 0", "WRITING 0", "BROWSING 0"),
            List.of("2026-10 37", "2026-11 21", "2026-12 0"),
            58);

    /*
     * Родина alone in the quarter: its October (27, the rectangle hidden) plus its November (21).
     *
     *               F                  M            not stated   | total
     * 0-17          0                  0            0            |  0
     * 18-29         5                  0            0            |  5
     * 30-54         x  (<5 1 + 5 = 6)  10 (5 + 5)   <5 (2 + 0)   | 18
     * 55+           x  (<5 3 + 6 = 9)  5            <5 (1 + 0)   | 15
     * not declared  0                  0            10           | 10
     * total         20 (9 + 11)        15 (10 + 5)  13 (8 + 5)   | 48
     *
     * Youth 5. Learning 11 (5 + 6, both shown); e-government x (<5 2 + 5 = 7).
     */
    private static final Published RODINA_Q4 = new Published(
            List.of(
                    "0-17: 0 0 0 | 0",
                    "18-29: 5 0 0 | 5",
                    "30-54: x 10 <5 | 18",
                    "55+: x 5 <5 | 15",
                    "not-declared: 0 0 10 | 10",
                    "total: 20 15 13 | 48"),
            "5",
            List.of("LEARNING 11", "E_GOVERNMENT x", "HEALTH 0", "PAYMENTS 0", "FAMILY 0", "WRITING 0", "BROWSING 0"),
            List.of("2026-10 27", "2026-11 21", "2026-12 0"),
            48);

    /**
     * The figures of a report as text, one way for the service's record, the page, the CSV and the
     * API: the age x sex table row by row ("30-54: x 10 &lt;5 | 18", columns female, male, not
     * stated, then the row's total; a last row of totals), youth, tile sessions (learning and
     * e-government first, then the launcher's order), visits by month and the exact total.
     */
    record Published(List<String> table, String youth, List<String> tiles, List<String> months, long visits) {
        private static final List<TileCategory> TILE_ORDER = List.of(
                LEARNING,
                E_GOVERNMENT,
                TileCategory.HEALTH,
                TileCategory.PAYMENTS,
                TileCategory.FAMILY,
                TileCategory.WRITING,
                TileCategory.BROWSING);

        static Published of(ProgrammeReport report) {
            List<String> rows = table(report.visitsByAgeAndSex());
            List<String> tiles = new ArrayList<>();
            for (TileCategory category : TILE_ORDER) {
                ProgrammeReport.TileUse use = report.tileSessions().stream()
                        .filter(u -> u.category() == category)
                        .findFirst()
                        .orElseThrow();
                tiles.add(category + " " + use.sessions().text());
            }
            List<String> months = report.visitsByMonth().stream()
                    .map(m -> m.month() + " " + m.visits())
                    .toList();
            return new Published(rows, report.youthVisits().text(), tiles, months, report.visits());
        }

        /** An age x sex table of the service's report, as lines. */
        static List<String> table(ProgrammeReport.AgeSexTable t) {
            assertEquals(List.of(FEMALE, MALE, Sex.NOT_DECLARED), t.columns());
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < t.rows().size(); r++) {
                Cell[] cells = t.table().cells()[r];
                rows.add(line(
                        t.rows().get(r),
                        cells[0].text(),
                        cells[1].text(),
                        cells[2].text(),
                        t.table().rowTotals()[r].text()));
            }
            Cell[] totals = t.table().columnTotals();
            rows.add(line(
                    "total",
                    totals[0].text(),
                    totals[1].text(),
                    totals[2].text(),
                    t.table().grandTotal().text()));
            return rows;
        }

        /** An age x sex table of the page, its cells marked {@code data-cell="<key>-<row>-<SEX>"}. */
        static List<String> table(Document page, String key) {
            List<String> rows = new ArrayList<>();
            for (String row : List.of("0-17", "18-29", "30-54", "55+", "not-declared", "TOTAL")) {
                String prefix = key + "-" + row + "-";
                rows.add(line(
                        row.equals("TOTAL") ? "total" : row,
                        cell(page, prefix + "FEMALE"),
                        cell(page, prefix + "MALE"),
                        cell(page, prefix + "NOT_DECLARED"),
                        cell(page, prefix + "TOTAL")));
            }
            return rows;
        }

        /** An age x sex table of the CSV, from its (section/row/column, value) pairs. */
        static List<String> table(Map<String, String> values, String section) {
            List<String> rows = new ArrayList<>();
            for (String row : List.of("0-17", "18-29", "30-54", "55+", "not-declared", "total")) {
                String key = section + "/" + row + "/";
                rows.add(line(
                        row,
                        values.get(key + "female"),
                        values.get(key + "male"),
                        values.get(key + "not-declared"),
                        values.get(key + "total")));
            }
            return rows;
        }

        /** An age x sex table of the API. */
        static List<String> table(JsonNode t) {
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < t.get("rows").size(); r++) {
                JsonNode cells = t.get("cells").get(r);
                rows.add(line(
                        t.get("rows").get(r).asText(),
                        text(cells.get(0)),
                        text(cells.get(1)),
                        text(cells.get(2)),
                        text(t.get("rowTotals").get(r))));
            }
            JsonNode totals = t.get("columnTotals");
            rows.add(
                    line("total", text(totals.get(0)), text(totals.get(1)), text(totals.get(2)), text(t.get("total"))));
            return rows;
        }

        /** The CSV's figures: (section/row/column) to value. */
        static Map<String, String> csvValues(String text) throws Exception {
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Map<String, String> values = new LinkedHashMap<>();
            try (CSVParser parser = CSVParser.parse(
                    text,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get())) {
                for (CSVRecord r : parser) {
                    values.put(r.get("section") + "/" + r.get("row") + "/" + r.get("column"), r.get("value"));
                }
            }
            return values;
        }

        /** From the printable page: its cells are marked {@code data-cell="visits-<row>-<SEX>"}. */
        static Published of(Document page) {
            List<String> rows = table(page, "visits");
            List<String> tiles = new ArrayList<>();
            for (Element td : page.select("#tile-sessions td[data-cell]")) {
                tiles.add(td.attr("data-cell").substring("tile-".length()) + " " + td.text());
            }
            List<String> months = new ArrayList<>();
            for (Element tr : page.select("#visits-by-month tbody tr")) {
                months.add(tr.attr("data-month") + " "
                        + number(tr.selectFirst("td").text()));
            }
            return new Published(
                    rows,
                    cell(page, "youth-visits"),
                    tiles,
                    months,
                    Long.parseLong(number(page.getElementById("visits-total").text())));
        }

        /** From the CSV's long form: (section, row, column) to value. */
        static Published ofCsv(String text) throws Exception {
            Map<String, String> values = csvValues(text);
            List<String> months = new ArrayList<>();
            values.forEach((key, value) -> {
                if (key.startsWith("visits_by_month/")) {
                    months.add(key.split("/")[1] + " " + value);
                }
            });
            List<String> rows = table(values, "visits_by_age_sex");
            List<String> tiles = new ArrayList<>();
            for (TileCategory category : TILE_ORDER) {
                tiles.add(category + " " + values.get("tile_sessions/" + category.key() + "/sessions"));
            }
            return new Published(
                    rows,
                    values.get("youth_visits/15-29/visits"),
                    tiles,
                    months,
                    Long.parseLong(values.get("visits/total/visits")));
        }

        /** From the read API's JSON: a cell is {"value": n} or {"suppressed": "<5" | "x"}. */
        static Published of(JsonNode report) {
            List<String> rows = table(report.get("visitsByAgeAndSex"));
            Map<String, String> byCategory = new LinkedHashMap<>();
            for (JsonNode tile : report.get("tileSessions")) {
                byCategory.put(tile.get("category").asText(), text(tile.get("sessions")));
            }
            List<String> tiles = new ArrayList<>();
            for (TileCategory category : TILE_ORDER) {
                tiles.add(category + " " + byCategory.get(category.name()));
            }
            List<String> months = new ArrayList<>();
            for (JsonNode m : report.get("visitsByMonth")) {
                months.add(m.get("month").asText() + " " + m.get("visits").asLong());
            }
            return new Published(
                    rows,
                    text(report.get("youthVisits")),
                    tiles,
                    months,
                    report.get("visits").asLong());
        }

        private static String line(String row, String female, String male, String notStated, String total) {
            return row + ": " + female + " " + male + " " + notStated + " | " + total;
        }

        private static String cell(Document page, String key) {
            Element cell = page.selectFirst("td[data-cell=\"" + key + "\"]");
            assertNotNull(cell, "cell " + key + " on the page");
            return cell.text();
        }

        private static String number(String shown) {
            return shown.replace("\u202f", "").replace(" ", "");
        }

        /** A cell of the API: its value, or its mark; never both. */
        private static String text(JsonNode cell) {
            if (cell.has("suppressed")) {
                assertNull(cell.get("value"), "a hidden cell's value in the API: " + cell);
                return cell.get("suppressed").asText();
            }
            return Long.toString(cell.get("value").asLong());
        }
    }

    /** A read API token for the whole municipality, made with the collector's command line. */
    private static String apiToken(CollectorUnderTest collector) {
        String printed = collector.cli("token", "create", "--name", "programme report test", "--scope", "municipality");
        return printed.lines()
                .filter(line -> line.startsWith("dc_"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token printed: " + printed));
    }

    private static JsonNode apiReport(CollectorUnderTest collector, String token, String scope, String period)
            throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(collector
                                        .url()
                                        .resolve("/api/v1/reports/programme?scope=" + scope + "&period=" + period))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return new ObjectMapper().readTree(answer.body());
    }

    /**
     * One PC's sessions of a day, one after the other: 12 minutes each, the next 15 minutes after
     * the last one's start, from 09:07 (never on the hour, as {@link Visit} wants).
     */
    private static final class Slots {
        private final int pc;
        private LocalDateTime next;

        Slots(int pc, LocalDate day) {
            this.pc = pc;
            this.next = day.atTime(9, 7);
        }

        Visit guest(AgeBand age, Sex sex, TileCategory... tiles) {
            return Visit.guest(pc, take(), 12, age, sex, LOGOUT).withTiles(tiles);
        }

        Visit member(int card, Demographics declared) {
            return Visit.member(pc, take(), 12, card, declared, LOGOUT);
        }

        private LocalDateTime take() {
            LocalDateTime start = next;
            next = next.plusMinutes(15);
            if (next.getMinute() == 0) {
                next = next.plusMinutes(1);
            }
            return start;
        }
    }
}
