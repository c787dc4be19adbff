package bg.digiclub.collector.report.programme;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/**
 * Distinct members as published (plan D3, docs/collector.md "Programme report"). The exact total is
 * always shown. The breakdowns (report rows × sex, youth) are published for calendar periods only
 * (month, quarter, half-year, year), and always computed for the whole calendar year the period lies
 * in ({@link YearFamily}: its 12 months, 4 quarters, 2 halves and the year, every club and the
 * municipality), so the pattern a period shows is the same whichever period of the year is asked.
 * A custom period gets the total only: its breakdown would be a new, overlapping family of its own.
 *
 * <p>Members are not additive over time: a reader knows only that a period's count lies between the
 * largest of its parts' and their sum. Over clubs they are (a person with cards at two clubs counts at
 * each), so the municipality's table is the clubs' tables added up. The rules, applied to the whole
 * family together:
 * <ol>
 *   <li>each table is suppressed on its own by the cycle rule ({@link AtomTableSuppression}, as a club's
 *       month of visits is): on its atoms × sexes, 1-4 hidden, then complementary numbers until every
 *       hidden number, and every published line that sums hidden ones (a row over its atoms, youth),
 *       lies on a cycle of hidden numbers, so that no equation of the table fixes it; a table of 1-4
 *       members shows its total only;</li>
 *   <li>every hidden member count is shown as "x", the small ones too: "&lt;5" would tell the nested
 *       periods' bounds that a count is at least 1 and give them something to pin it with;</li>
 *   <li>the stable pattern: a number (a cell, a margin, youth) hidden in one period of the year is
 *       hidden in every period of the year, for that club or the municipality;</li>
 *   <li>{@link MemberBounds} then works out what a reader learns from all the tables together — the
 *       lines, the municipality as the clubs' sum, the nested periods' bounds, differences such as
 *       youth minus 18-29 — and wherever a hidden number would be pinned to one value (other than 0 or
 *       its table's total, which say nothing a shown zero does not), or a count of 1-4 that no cell
 *       shows could be worked out, one more number is hidden (the same one in the municipality's
 *       table, in the periods around it, or beside it) and everything is suppressed again.</li>
 * </ol>
 * The tests attack the result with a linear-programming solver over the whole family
 * ({@code MemberAttacker}); propagation alone is weaker than that, the stable pattern is what closes
 * the gap in those tests.
 */
public final class MemberPublication {
    /** Sweeps of bound propagation per round (each sweep narrows every range once). */
    private static final int SWEEPS = 200;
    /** Rounds of hiding more at most: each hides at least one more number, so this is only a guard. */
    private static final int MAX_ROUNDS = 2_000;

    private static final int SEXES = Sex.values().length;
    /** A table of fewer members shows its total only. */
    static final int BREAKDOWN_FLOOR = SmallCountSuppression.THRESHOLD;

    private MemberPublication() {}

    /**
     * Members as a report shows them.
     *
     * @param members      distinct members of the scope in the period, exact (the municipality's: the clubs' added)
     * @param byAgeAndSex  the breakdown, null for a custom period
     * @param youth        members in the youth band, null for a custom period
     */
    public record PublishedMembers(long members, ProgrammeReport.AgeSexTable byAgeAndSex, Cell youth) {
        public PublishedMembers {
            if (members < 0) {
                throw new IllegalArgumentException("a count cannot be negative: " + members);
            }
            if ((byAgeAndSex == null) != (youth == null)) {
                throw new IllegalArgumentException("the breakdown and the youth count come together");
            }
        }
    }

    /** One published table: its cells and margins, and the youth count beside it. */
    record Published(SuppressedTable table, Cell youth) {
        Published {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(youth, "youth");
        }
    }

    /**
     * The members of a scope and period, published.
     *
     * @param source the exact figures ({@link MemberFigures})
     * @param bands  the report's rows and youth band
     */
    public static PublishedMembers publish(
            ReportPeriod period, ReportScope scope, MemberSource source, ReportBands bands) throws SQLException {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bands, "bands");
        Map<String, MemberCounts> whole = source.countAll(period.firstDay(), period.lastDay());
        long members = total(whole, scope);
        if (!period.isCalendarPeriod()) {
            return new PublishedMembers(members, null, null);
        }
        YearFamily family = YearFamily.of(period);
        List<Map<String, MemberCounts>> perPeriod = new ArrayList<>();
        TreeSet<String> clubIds = new TreeSet<>();
        for (ReportPeriod p : family.periods()) {
            Map<String, MemberCounts> counts = p.equals(period) ? whole : source.countAll(p.firstDay(), p.lastDay());
            perPeriod.add(counts);
            clubIds.addAll(counts.keySet());
        }
        scope.club().ifPresent(clubIds::add);
        List<String> clubs = List.copyOf(clubIds);
        long[][][][] counts = new long[clubs.size()][YearFamily.SIZE][bands.atoms()][SEXES];
        for (int c = 0; c < clubs.size(); c++) {
            for (int p = 0; p < YearFamily.SIZE; p++) {
                MemberCounts club = perPeriod.get(p).getOrDefault(clubs.get(c), MemberCounts.NONE);
                for (AgeBand band : AgeBand.values()) {
                    for (Sex sex : Sex.values()) {
                        counts[c][p][bands.atomOf(band)][sex.ordinal()] += club.of(band, sex);
                    }
                }
            }
        }
        FamilyTables tables = protect(counts, bands, true);
        int s = scope.club().map(clubs::indexOf).orElse(clubs.size());
        Published published = tables.of(s, family.indexOf(period));
        return new PublishedMembers(
                members,
                new ProgrammeReport.AgeSexTable(bands.rowLabels(), List.of(Sex.values()), published.table()),
                published.youth());
    }

    /**
     * The exact members of a scope and period, without the breakdowns: what a report shows while
     * the period has not settled, without protecting the year's family it would throw away.
     */
    public static long total(ReportPeriod period, ReportScope scope, MemberSource source) throws SQLException {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        return total(source.countAll(period.firstDay(), period.lastDay()), scope);
    }

    /** The scope's distinct members: its club's, or the clubs' added for the municipality. */
    private static long total(Map<String, MemberCounts> whole, ReportScope scope) {
        return scope.club()
                .map(club -> whole.getOrDefault(club, MemberCounts.NONE).distinct())
                .orElseGet(() -> whole.values().stream()
                        .mapToLong(MemberCounts::distinct)
                        .sum());
    }

    /**
     * Every table of a year's family, for every club (in the order of {@code counts}) and the
     * municipality (scope {@code clubs}).
     */
    static final class FamilyTables {
        private final Published[][] tables;

        FamilyTables(Published[][] tables) {
            this.tables = tables;
        }

        Published of(int scope, int period) {
            return tables[scope][period];
        }
    }

    /**
     * The family's tables, protected.
     *
     * @param counts        [club][period of {@link YearFamily}][atom][sex] distinct members
     * @param againstBounds false: each table suppressed on its own by the cycle rule only, as if it were
     *                      the only table published (the tests' attacker shows what the nested periods
     *                      then give away)
     */
    static FamilyTables protect(long[][][][] counts, ReportBands bands, boolean againstBounds) {
        Layout layout = new Layout(counts.length, bands);
        long[][][][] atoms = layout.scopeCounts(counts);
        boolean[][][] forced = new boolean[layout.scopes][YearFamily.SIZE][layout.positions()];
        for (int round = 0; ; round++) {
            Published[][] tables = new Published[layout.scopes][YearFamily.SIZE];
            for (int s = 0; s < layout.scopes; s++) {
                for (int p = 0; p < YearFamily.SIZE; p++) {
                    tables[s][p] = table(layout, atoms[s][p], layout.lines(forced[s][p]));
                }
            }
            if (!againstBounds || round == MAX_ROUNDS) {
                return new FamilyTables(tables);
            }
            // the stable pattern: a number hidden in one period of the year is hidden in all of them
            boolean more = false;
            for (int s = 0; s < layout.scopes; s++) {
                for (int pos = 0; pos < layout.positions(); pos++) {
                    boolean hiddenSomewhere = false;
                    for (int p = 0; p < YearFamily.SIZE; p++) {
                        hiddenSomewhere |= layout.visibility(tables[s][p], pos) != Cell.Visibility.EXACT;
                    }
                    for (int p = 0; p < YearFamily.SIZE && hiddenSomewhere; p++) {
                        more |= hide(layout, tables, s, p, pos, forced);
                    }
                }
            }
            if (more) {
                continue;
            }
            Audit audit = new Audit(layout, counts.length, tables);
            for (Audit.Pin pin : audit.pins()) {
                more |= hideMore(layout, tables, pin, forced);
            }
            if (!more) {
                return new FamilyTables(tables);
            }
        }
    }

    /**
     * One table: by the cycle rule, with the figures the family needs hidden ({@code forced}); all
     * hidden numbers as "x".
     *
     * @param atoms [atom][sex] distinct members
     */
    private static Published table(Layout layout, long[][] atoms, List<AtomTableSuppression.Line> forced) {
        long total = 0;
        for (long[] atom : atoms) {
            for (long n : atom) {
                total += n;
            }
        }
        AtomTableSuppression.Rows rows = AtomTableSuppression.protect(atoms, layout.scheme, forced);
        if (total > 0 && total < BREAKDOWN_FLOOR) {
            // a table of 1-4 members shows its total and nothing else: any split of so few into shown or
            // "<5" parts pins them (two "<5" parts of a total of 2 are 1 and 1), so every other number,
            // zeros included, is "x"
            return new Published(rows.table().map(Cell::asHidden), rows.youth().asHidden());
        }
        return new Published(rows.table().map(MemberPublication::unsized), unsized(rows.youth()));
    }

    /**
     * Every hidden member count is shown as "x", the small ones too: telling a reader that a hidden
     * count is 1-4 gives the nested periods' bounds something to pin it with.
     */
    private static Cell unsized(Cell cell) {
        return cell.shown() == Cell.Visibility.SMALL ? cell.asHidden() : cell;
    }

    /** Hides one more number (or several around it) so the pinned one is not; true if anything more was hidden. */
    private static boolean hideMore(Layout layout, Published[][] tables, Audit.Pin pin, boolean[][][] forced) {
        int s = pin.scope();
        int p = pin.period();
        if (pin.part() >= 0) {
            // a small difference of two published numbers: hide one of the two
            for (int position : new int[] {pin.part(), pin.position()}) {
                if (position != layout.grand() && hide(layout, tables, s, p, position, forced)) {
                    return true;
                }
            }
        }
        int position = pin.part() >= 0 ? pin.part() : pin.position();
        int municipality = layout.scopes - 1;
        if (s < municipality && hide(layout, tables, municipality, p, position, forced)) {
            return true;
        }
        boolean around = false;
        int parent = YearFamily.parent(p);
        if (parent >= 0) {
            around |= hide(layout, tables, s, parent, position, forced);
        }
        for (int child : YearFamily.children(p)) {
            around |= hide(layout, tables, s, child, position, forced);
        }
        if (around) {
            return true;
        }
        if (s == municipality) {
            int smallest = -1;
            for (int c = 0; c < municipality; c++) {
                if (hideable(layout, tables, c, p, position)
                        && (smallest < 0
                                || layout.value(tables[c][p], position)
                                        < layout.value(tables[smallest][p], position))) {
                    smallest = c;
                }
            }
            if (smallest >= 0 && hide(layout, tables, smallest, p, position, forced)) {
                return true;
            }
        }
        int beside = -1;
        for (int other : layout.besides(position)) {
            if (hideable(layout, tables, s, p, other)
                    && (beside < 0 || layout.value(tables[s][p], other) < layout.value(tables[s][p], beside))) {
                beside = other;
            }
        }
        return beside >= 0 && hide(layout, tables, s, p, beside, forced);
    }

    private static boolean hideable(Layout layout, Published[][] tables, int s, int p, int position) {
        return position != layout.grand()
                && layout.visibility(tables[s][p], position) == Cell.Visibility.EXACT
                && layout.value(tables[s][p], position) > 0;
    }

    private static boolean hide(Layout layout, Published[][] tables, int s, int p, int position, boolean[][][] forced) {
        if (!hideable(layout, tables, s, p, position)) {
            return false;
        }
        forced[s][p][position] = true;
        return true;
    }

    /**
     * Where things are: scopes (the clubs, then the municipality), the positions of a table (the
     * (rows+1) × (sexes+1) grid with margins last, then youth) and which atoms and sexes each covers.
     */
    static final class Layout {
        final int clubs;
        final int scopes;
        final int rows;
        final int atoms;
        final int[] rowOfAtom;
        final boolean[] youthAtom;
        final RowScheme scheme;

        Layout(int clubs, ReportBands bands) {
            this.clubs = clubs;
            this.scopes = clubs + 1;
            this.scheme = bands.scheme();
            // the scheme's arrays, read once: its accessors copy them, and the audit's loops index them
            this.rows = scheme.rows();
            this.atoms = scheme.atoms();
            this.rowOfAtom = scheme.rowOfAtom();
            this.youthAtom = scheme.youthAtom();
        }

        int positions() {
            return (rows + 1) * (SEXES + 1) + 1;
        }

        int grand() {
            return (rows + 1) * (SEXES + 1) - 1;
        }

        int youth() {
            return (rows + 1) * (SEXES + 1);
        }

        /** Whether a position covers an atom and sex. */
        boolean covers(int position, int atom, int sex) {
            if (position == youth()) {
                return youthAtom[atom];
            }
            int r = position / (SEXES + 1);
            int c = position % (SEXES + 1);
            return (r == rows || rowOfAtom[atom] == r) && (c == SEXES || c == sex);
        }

        /** The (atom, sex) pairs a position covers, as bits atom * sexes + sex. */
        long mask(int position) {
            long mask = 0;
            for (int a = 0; a < atoms; a++) {
                for (int s = 0; s < SEXES; s++) {
                    if (covers(position, a, s)) {
                        mask |= 1L << (a * SEXES + s);
                    }
                }
            }
            return mask;
        }

        /**
         * Whether a difference of two published numbers is a count of its own that no published number
         * gives: part of one row's atoms (such as youth minus 18-29 = 15-17, inside the row 0-17), and
         * not a cell or total of that row.
         */
        boolean sensitive(long difference, long[] masks) {
            if (difference == 0) {
                return false;
            }
            int row = -1;
            for (int a = 0; a < atoms; a++) {
                long atomBits = ((1L << SEXES) - 1) << (a * SEXES);
                if ((difference & atomBits) != 0) {
                    if (row >= 0 && row != rowOfAtom[a]) {
                        return false;
                    }
                    row = rowOfAtom[a];
                }
            }
            for (long published : masks) {
                if (published == difference) {
                    return false;
                }
            }
            return true;
        }

        /** The positions on a line with this one (its row, its column; for youth the row totals). */
        List<Integer> besides(int position) {
            List<Integer> result = new ArrayList<>();
            if (position == youth()) {
                for (int r = 0; r < rows; r++) {
                    result.add(r * (SEXES + 1) + SEXES);
                }
                return result;
            }
            int r = position / (SEXES + 1);
            int c = position % (SEXES + 1);
            for (int other = 0; other < youth(); other++) {
                if (other != position && (other / (SEXES + 1) == r || other % (SEXES + 1) == c)) {
                    result.add(other);
                }
            }
            return result;
        }

        /** Per scope (the clubs, then the municipality: the clubs added) and period, the atoms × sexes. */
        long[][][][] scopeCounts(long[][][][] counts) {
            long[][][][] scoped = new long[scopes][YearFamily.SIZE][atoms][SEXES];
            for (int c = 0; c < clubs; c++) {
                for (int p = 0; p < YearFamily.SIZE; p++) {
                    for (int a = 0; a < atoms; a++) {
                        for (int s = 0; s < SEXES; s++) {
                            long n = counts[c][p][a][s];
                            if (n < 0) {
                                throw new IllegalArgumentException("a count cannot be negative: " + n);
                            }
                            scoped[c][p][a][s] = n;
                            scoped[clubs][p][a][s] += n;
                        }
                    }
                }
            }
            return scoped;
        }

        /** The published figures at the positions marked, as lines of the atoms' table. */
        List<AtomTableSuppression.Line> lines(boolean[] positions) {
            List<AtomTableSuppression.Line> lines = new ArrayList<>();
            for (int pos = 0; pos < positions.length; pos++) {
                if (positions[pos]) {
                    lines.add(line(pos));
                }
            }
            return lines;
        }

        private AtomTableSuppression.Line line(int position) {
            if (position == youth()) {
                return AtomTableSuppression.youth(scheme);
            }
            int r = position / (SEXES + 1);
            int c = position % (SEXES + 1);
            return r == rows ? AtomTableSuppression.sexTotal(scheme, c) : AtomTableSuppression.row(scheme, r, c);
        }

        Cell cell(Published t, int position) {
            if (position == youth()) {
                return t.youth();
            }
            int r = position / (SEXES + 1);
            int c = position % (SEXES + 1);
            SuppressedTable table = t.table();
            if (r == rows && c == SEXES) {
                return table.grandTotal();
            }
            if (r == rows) {
                return table.columnTotals()[c];
            }
            if (c == SEXES) {
                return table.rowTotals()[r];
            }
            return table.cell(r, c);
        }

        long value(Published t, int position) {
            return cell(t, position).value();
        }

        Cell.Visibility visibility(Published t, int position) {
            return cell(t, position).shown();
        }
    }

    /**
     * What a reader can work out from every table of the family ({@link MemberBounds}), and where
     * that pins something.
     */
    static final class Audit {
        /**
         * A pinned number: a hidden published one ({@code part} -1), or the difference of a published
         * number and a published part of it that would give away a count of 1-4.
         */
        record Pin(int scope, int period, int position, int part) {}

        private final List<Pin> pins = new ArrayList<>();

        Audit(Layout layout, int clubs, Published[][] tables) {
            int positions = layout.positions();
            int unknownsPerTable = layout.atoms * SEXES;
            MemberBounds bounds = new MemberBounds(clubs * YearFamily.SIZE * unknownsPerTable);
            int[][][] node = new int[layout.scopes][YearFamily.SIZE][positions];
            long[] masks = new long[positions];
            for (int pos = 0; pos < positions; pos++) {
                masks[pos] = layout.mask(pos);
            }
            for (int s = 0; s < layout.scopes; s++) {
                for (int p = 0; p < YearFamily.SIZE; p++) {
                    for (int pos = 0; pos < positions; pos++) {
                        BitSet unknowns = new BitSet();
                        for (int c = s == clubs ? 0 : s; c < (s == clubs ? clubs : s + 1); c++) {
                            int base = (c * YearFamily.SIZE + p) * unknownsPerTable;
                            long m = masks[pos];
                            while (m != 0) {
                                int bit = Long.numberOfTrailingZeros(m);
                                unknowns.set(base + bit);
                                m &= m - 1;
                            }
                        }
                        int n = bounds.node(unknowns);
                        node[s][p][pos] = n;
                        Cell cell = layout.cell(tables[s][p], pos);
                        switch (cell.shown()) {
                            case EXACT -> bounds.bound(n, cell.value(), cell.value());
                            case SMALL -> bounds.bound(n, 1, SmallCountSuppression.THRESHOLD - 1);
                            case COMPLEMENTARY -> bounds.bound(n, 0, MemberBounds.INF);
                        }
                    }
                }
            }
            // differences of a published number and a published part of it, in each table
            List<int[]> differences = new ArrayList<>();
            for (int s = 0; s < layout.scopes; s++) {
                for (int p = 0; p < YearFamily.SIZE; p++) {
                    for (int whole = 0; whole < positions; whole++) {
                        for (int part = 0; part < positions; part++) {
                            if (part != whole
                                    && masks[part] != masks[whole]
                                    && masks[part] != 0
                                    && (masks[part] & ~masks[whole]) == 0) {
                                int d = bounds.difference(node[s][p][whole], node[s][p][part]);
                                differences.add(new int[] {s, p, whole, part, d});
                            }
                        }
                    }
                }
            }
            // the municipality is the clubs added up
            for (int p = 0; p < YearFamily.SIZE; p++) {
                for (int pos = 0; pos < positions; pos++) {
                    int[] parts = new int[clubs];
                    for (int c = 0; c < clubs; c++) {
                        parts[c] = node[c][p][pos];
                    }
                    bounds.sum(node[clubs][p][pos], parts);
                }
            }
            // a period lies between the largest of its parts and their sum
            for (int p = 0; p < YearFamily.SIZE; p++) {
                int[] children = YearFamily.children(p);
                if (children.length == 0) {
                    continue;
                }
                for (int s = 0; s < layout.scopes; s++) {
                    for (int pos = 0; pos < positions; pos++) {
                        int[] parts = new int[children.length];
                        for (int i = 0; i < children.length; i++) {
                            parts[i] = node[s][children[i]][pos];
                        }
                        bounds.nested(node[s][p][pos], parts);
                    }
                }
                for (int c = 0; c < clubs; c++) {
                    for (int u = 0; u < unknownsPerTable; u++) {
                        int[] parts = new int[children.length];
                        for (int i = 0; i < children.length; i++) {
                            parts[i] = (c * YearFamily.SIZE + children[i]) * unknownsPerTable + u;
                        }
                        bounds.nestedUnknowns((c * YearFamily.SIZE + p) * unknownsPerTable + u, parts);
                    }
                }
            }
            bounds.propagate(SWEEPS);
            for (int s = 0; s < layout.scopes; s++) {
                for (int p = 0; p < YearFamily.SIZE; p++) {
                    for (int pos = 0; pos < positions; pos++) {
                        int n = node[s][p][pos];
                        // a hidden 0 worked out tells nothing a shown 0 would not; the table's total
                        // worked out says only that every member of it is there (shown zeros say so)
                        if (layout.visibility(tables[s][p], pos) != Cell.Visibility.EXACT
                                && bounds.low(n) >= bounds.high(n)
                                && bounds.low(n) > 0
                                && bounds.low(n) != layout.value(tables[s][p], layout.grand())) {
                            pins.add(new Pin(s, p, pos, -1));
                        }
                    }
                }
            }
            for (int[] d : differences) {
                if (!layout.sensitive(masks[d[2]] & ~masks[d[3]], masks)) {
                    continue;
                }
                long low = bounds.low(d[4]);
                if (low >= bounds.high(d[4]) && low >= 1 && low < SmallCountSuppression.THRESHOLD) {
                    pins.add(new Pin(d[0], d[1], d[2], d[3]));
                }
            }
        }

        List<Pin> pins() {
            return pins;
        }
    }
}
