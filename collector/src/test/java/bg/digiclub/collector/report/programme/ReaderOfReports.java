package bg.digiclub.collector.report.programme;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * A reader who fetches every report there is of some clubs' year (every month, quarter, half-year,
 * the year and random ranges of months; each club and all of them) and hands every number to a
 * {@link LinearAttacker}. Unknowns: each (club, month, atom, sex) visit count and each (club, month,
 * category) tile count.
 */
final class ReaderOfReports {
    /** How one way of publishing answers a report: the figures of some clubs over some months. */
    interface Publisher {
        /** @param clubs one club, or all of them (the municipality) */
        ClubVisits report(List<MonthCounts> months, List<String> clubs, boolean municipality);
    }

    /** A number the reader wants: the counts it sums, its true value, where it came from. */
    record Target(int[] unknowns, long value, String what) {}

    static final int SEXES = Sex.values().length;
    static final int CATEGORIES = TileCategory.values().length;

    /** The test's scheme, the default configuration's: 0-17 = {0-14, 15-17}, youth = {15-17, 18-29}. */
    static final RowScheme SCHEME = new RowScheme(
            List.of("0-17", "18-29", "30-54", "55+", "not-declared"),
            new int[] {0, 0, 1, 2, 3, 4},
            new boolean[] {false, true, true, false, false, false});

    private final List<String> clubs;
    private final List<MonthCounts> year;
    private final RowScheme scheme;
    private final int atoms;
    private final LinearAttacker attacker;
    private final List<Target> hidden = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<String> violations = new ArrayList<>();

    ReaderOfReports(List<String> clubs, List<MonthCounts> year) {
        this(clubs, year, SCHEME);
    }

    /** @param scheme the atoms and rows the counts and reports follow */
    ReaderOfReports(List<String> clubs, List<MonthCounts> year, RowScheme scheme) {
        this.clubs = clubs;
        this.year = year;
        this.scheme = scheme;
        this.atoms = scheme.atoms();
        int unknowns = clubs.size() * year.size() * (atoms * SEXES + CATEGORIES);
        double[] truth = new double[unknowns];
        for (int u = 0; u < unknowns; u++) {
            truth[u] = truth(new int[] {u});
        }
        this.attacker = new LinearAttacker(unknowns, truth);
    }

    /** Random counts like a small club's: many zeros and small numbers, some larger. */
    static List<MonthCounts> randomYear(Random random, List<String> clubs, int months) {
        return randomYear(random, clubs, months, SCHEME.atoms());
    }

    /** The same with {@code atoms} atoms per table. */
    static List<MonthCounts> randomYear(Random random, List<String> clubs, int months, int atoms) {
        List<MonthCounts> year = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            Map<String, long[][]> visits = new LinkedHashMap<>();
            Map<String, long[]> tiles = new LinkedHashMap<>();
            for (String club : clubs) {
                long[][] v = new long[atoms][SEXES];
                for (long[] atom : v) {
                    for (int s = 0; s < SEXES; s++) {
                        atom[s] = count(random);
                    }
                }
                long[] t = new long[CATEGORIES];
                for (int k = 0; k < CATEGORIES; k++) {
                    t[k] = count(random);
                }
                visits.put(club, v);
                tiles.put(club, t);
            }
            year.add(new MonthCounts(YearMonth.of(2026, 1).plusMonths(m), visits, tiles));
        }
        return year;
    }

    private static long count(Random random) {
        double p = random.nextDouble();
        if (p < 0.3) {
            return 0;
        }
        if (p < 0.65) {
            return 1 + random.nextInt(4);
        }
        return 5 + random.nextInt(p < 0.9 ? 10 : 60);
    }

    /** Every month, quarter, half-year, the year and {@code ranges} random ranges of months. */
    static List<int[]> periods(Random random, int months, int ranges) {
        List<int[]> periods = new ArrayList<>();
        for (int length : new int[] {1, 3, 6, 12}) {
            for (int from = 0; from + length <= months; from += length) {
                periods.add(new int[] {from, from + length - 1});
            }
        }
        for (int i = 0; i < ranges; i++) {
            int from = random.nextInt(months);
            int to = from + random.nextInt(months - from);
            periods.add(new int[] {from, to});
        }
        return periods;
    }

    /** Reads every report of every period, every club and all clubs. */
    void readAll(Publisher publisher, List<int[]> periods) {
        for (int[] period : periods) {
            List<MonthCounts> months = year.subList(period[0], period[1] + 1);
            for (String club : clubs) {
                read(publisher.report(restrict(months, club), List.of(club), false), List.of(club), period);
            }
            read(publisher.report(months, clubs, true), clubs, period);
        }
        addSensitiveAtoms();
    }

    /** The months' counts of one club only. */
    static List<MonthCounts> restrict(List<MonthCounts> months, String club) {
        List<MonthCounts> one = new ArrayList<>();
        for (MonthCounts m : months) {
            one.add(new MonthCounts(
                    m.month(),
                    Map.of(club, m.visitsByClub().get(club)),
                    Map.of(club, m.tilesByClub().get(club))));
        }
        return one;
    }

    private void read(ClubVisits report, List<String> scope, int[] period) {
        String where = scope + " " + year.get(period[0]).month() + ".."
                + year.get(period[1]).month();
        SuppressedTable table = report.byAgeAndSex().table();
        int rows = scheme.rows();
        int[] rowOfAtom = scheme.rowOfAtom();
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < SEXES; s++) {
                int row = r;
                int sex = s;
                see(
                        table.cell(r, s),
                        visits(scope, period, a -> rowOfAtom[a] == row, x -> x == sex),
                        where + " " + scheme.rowLabels().get(r) + " " + Sex.values()[s]);
            }
            int row = r;
            see(
                    table.rowTotals()[r],
                    visits(scope, period, a -> rowOfAtom[a] == row, x -> true),
                    where + " " + scheme.rowLabels().get(r) + " total");
        }
        for (int s = 0; s < SEXES; s++) {
            int sex = s;
            see(
                    table.columnTotals()[s],
                    visits(scope, period, a -> true, x -> x == sex),
                    where + " total " + Sex.values()[s]);
        }
        int[] all = visits(scope, period, a -> true, x -> true);
        long grand = table.grandTotal().value();
        if (table.grandTotal().shown() != Cell.Visibility.EXACT || grand != truth(all)) {
            violations.add(where + ": the grand total is not the exact " + truth(all));
        }
        attacker.exact(all, grand);
        boolean[] youth = scheme.youthAtom();
        see(report.youth(), visits(scope, period, a -> youth[a], x -> true), where + " youth");
        for (int k = 0; k < CATEGORIES; k++) {
            see(
                    report.tiles().get(k).sessions(),
                    tiles(scope, period, k),
                    where + " tiles " + TileCategory.values()[k]);
        }
    }

    private void see(Cell cell, int[] unknowns, String what) {
        long truth = truth(unknowns);
        if (cell.value() != truth) {
            violations.add(what + ": published " + cell.value() + ", the counts add up to " + truth);
        }
        switch (cell.shown()) {
            case EXACT -> {
                if (truth > 0 && truth < 5) {
                    violations.add(what + ": " + truth + " shown");
                }
                attacker.exact(unknowns, cell.value());
            }
            case SMALL -> {
                if (truth < 1 || truth > 4) {
                    violations.add(what + ": " + truth + " marked <5");
                }
                attacker.between(unknowns, 1, 4);
                target(unknowns, truth, what);
            }
            case COMPLEMENTARY -> target(unknowns, truth, what);
        }
    }

    /** Every (club, month, atom, sex) count of 1-4, and every atom's total of 1-4 (15-17 = youth - 18-29). */
    private void addSensitiveAtoms() {
        for (String club : clubs) {
            for (int m = 0; m < year.size(); m++) {
                int[] month = {m, m};
                for (int a = 0; a < atoms; a++) {
                    int atom = a;
                    for (int s = 0; s < SEXES; s++) {
                        int sex = s;
                        int[] one = visits(List.of(club), month, x -> x == atom, x -> x == sex);
                        if (truth(one) > 0 && truth(one) < 5) {
                            target(
                                    one,
                                    truth(one),
                                    club + " " + year.get(m).month() + " atom " + a + " " + Sex.values()[s]);
                        }
                    }
                    int[] total = visits(List.of(club), month, x -> x == atom, x -> true);
                    if (truth(total) > 0 && truth(total) < 5) {
                        target(total, truth(total), club + " " + year.get(m).month() + " atom " + a + " total");
                    }
                }
            }
        }
    }

    private void target(int[] unknowns, long value, String what) {
        String key = new TreeSet<>(Arrays.stream(unknowns).boxed().toList()).toString();
        if (seen.add(key)) {
            hidden.add(new Target(unknowns, value, what));
        }
    }

    /** The hidden figures the reader pins to one value, each with what the LP found. */
    List<String> recovered() {
        List<String> recovered = new ArrayList<>();
        for (Target t : hidden) {
            LinearAttacker.Range range = attacker.range(t.unknowns());
            if (t.value() < range.min() - 1e-6 || t.value() > range.max() + 1e-6) {
                throw new IllegalStateException(
                        "the attacker is wrong: " + t.what() + " = " + t.value() + " outside " + range);
            }
            if (range.recovered()) {
                recovered.add(t.what() + " = " + t.value() + " recovered (LP range " + range.min() + ".." + range.max()
                        + ")");
            }
        }
        return recovered;
    }

    List<String> violations() {
        return violations;
    }

    int hiddenFigures() {
        return hidden.size();
    }

    private interface IntTest {
        boolean test(int value);
    }

    private int[] visits(List<String> scope, int[] period, IntTest atom, IntTest sex) {
        List<Integer> unknowns = new ArrayList<>();
        for (String club : scope) {
            for (int m = period[0]; m <= period[1]; m++) {
                for (int a = 0; a < atoms; a++) {
                    for (int s = 0; s < SEXES; s++) {
                        if (atom.test(a) && sex.test(s)) {
                            unknowns.add(visit(club, m, a, s));
                        }
                    }
                }
            }
        }
        return unknowns.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] tiles(List<String> scope, int[] period, int category) {
        List<Integer> unknowns = new ArrayList<>();
        for (String club : scope) {
            for (int m = period[0]; m <= period[1]; m++) {
                unknowns.add(tile(club, m, category));
            }
        }
        return unknowns.stream().mapToInt(Integer::intValue).toArray();
    }

    private int visit(String club, int month, int atom, int sex) {
        return ((clubs.indexOf(club) * year.size() + month) * atoms + atom) * SEXES + sex;
    }

    private int tile(String club, int month, int category) {
        return clubs.size() * year.size() * atoms * SEXES
                + (clubs.indexOf(club) * year.size() + month) * CATEGORIES
                + category;
    }

    private long truth(int[] unknowns) {
        long sum = 0;
        int visits = clubs.size() * year.size() * atoms * SEXES;
        for (int u : unknowns) {
            if (u < visits) {
                int sex = u % SEXES;
                int atom = (u / SEXES) % atoms;
                int month = (u / SEXES / atoms) % year.size();
                int club = u / SEXES / atoms / year.size();
                sum += year.get(month).visitsByClub().get(clubs.get(club))[atom][sex];
            } else {
                int t = u - visits;
                int category = t % CATEGORIES;
                int month = (t / CATEGORIES) % year.size();
                int club = t / CATEGORIES / year.size();
                sum += year.get(month).tilesByClub().get(clubs.get(club))[category];
            }
        }
        return sum;
    }
}
