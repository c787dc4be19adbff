package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.AgeRange;

/**
 * The programme report's age bands and youth band, as the municipality configures them
 * ({@value #AGE_BANDS_KEY}, {@value #YOUTH_BAND_KEY}), and how our finer {@link AgeBand}s roll up to
 * them exactly.
 *
 * <p>A configured band must begin and end where one of our current bands does: no current band may
 * straddle it, or its count could not be rolled up exactly. A legacy band (one older agents still
 * send, see {@link AgeBand}) that straddles a configured band is counted as not declared in that
 * table; the youth band counts only our bands wholly inside it, so a legacy band reaching below it
 * (ages 0–15 against 15–29) never counts as youth.
 *
 * <p><b>Atoms.</b> Our bands with the same (report row, inside the youth band?) pair always add up
 * together in every published figure; such a group is an atom. Suppression works on atoms × sex, so
 * that a difference of two published figures (youth minus 18–29 = 15–17) is protected like any
 * other cell. Atoms are numbered by row, those outside the youth band first.
 */
public final class ReportBands {
    /** The report's age bands: ascending, from 0, the last open-ended ({@code 55+}). */
    public static final String AGE_BANDS_KEY = "report.age-bands";
    /** The ages of the youth indicator ("young people aged 15–29 supported"). */
    public static final String YOUTH_BAND_KEY = "report.youth-band";

    public static final String DEFAULT_AGE_BANDS = "0-17,18-29,30-54,55+";
    public static final String DEFAULT_YOUTH_BAND = "15-29";
    /** The last row of every age table: visits or people whose age is not declared (or not placeable). */
    public static final String NOT_DECLARED = "not-declared";

    private static final Pattern CLOSED = Pattern.compile("(\\d{1,3})\\s*-\\s*(\\d{1,3})");
    private static final Pattern OPEN = Pattern.compile("(\\d{1,3})\\s*\\+");

    /**
     * One configured band.
     *
     * @param label as written in configuration, without spaces ({@code 0-17}, {@code 55+})
     * @param ages  its ages ({@link Integer#MAX_VALUE} as the end of an open band)
     */
    public record Band(String label, AgeRange ages) {
        public Band {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(ages, "ages");
        }

        boolean open() {
            return ages.to() == Integer.MAX_VALUE;
        }
    }

    private final List<Band> bands;
    private final Band youth;
    private final int[] atomOfBand;
    private final RowScheme scheme;

    private ReportBands(List<Band> bands, Band youth) {
        this.bands = List.copyOf(bands);
        this.youth = youth;
        AgeBand[] ours = AgeBand.values();
        // the (row, youth) pair of each of our bands, and the atoms: the distinct pairs in order
        int[] rowOf = new int[ours.length];
        boolean[] youthOf = new boolean[ours.length];
        TreeSet<Integer> keys = new TreeSet<>();
        for (AgeBand band : ours) {
            rowOf[band.ordinal()] = rowOf(band);
            youthOf[band.ordinal()] = inYouth(band);
            keys.add(key(rowOf[band.ordinal()], youthOf[band.ordinal()]));
        }
        List<Integer> atomKeys = new ArrayList<>(keys);
        int[] rowOfAtom = new int[atomKeys.size()];
        boolean[] youthAtom = new boolean[atomKeys.size()];
        for (int atom = 0; atom < atomKeys.size(); atom++) {
            rowOfAtom[atom] = atomKeys.get(atom) / 2;
            youthAtom[atom] = atomKeys.get(atom) % 2 == 1;
        }
        this.atomOfBand = new int[ours.length];
        for (AgeBand band : ours) {
            atomOfBand[band.ordinal()] = atomKeys.indexOf(key(rowOf[band.ordinal()], youthOf[band.ordinal()]));
        }
        this.scheme = new RowScheme(rowLabels(), rowOfAtom, youthAtom);
    }

    private static int key(int row, boolean youth) {
        return row * 2 + (youth ? 1 : 0);
    }

    /** The programme's bands as far as they are known: {@value #DEFAULT_AGE_BANDS}, youth {@value #DEFAULT_YOUTH_BAND}. */
    public static ReportBands defaults() {
        return of(List.of(DEFAULT_AGE_BANDS.split(",")), DEFAULT_YOUTH_BAND);
    }

    /**
     * Reads {@value #AGE_BANDS_KEY} and {@value #YOUTH_BAND_KEY} (absent or blank: the defaults).
     *
     * @throws bg.digiclub.common.config.ConfigException naming the file (or variable), the key and
     *     what is wrong
     */
    public static ReportBands fromConfig(ConfigProperties config) {
        Objects.requireNonNull(config, "config");
        List<String> written = config.optionalList(AGE_BANDS_KEY).orElse(List.of(DEFAULT_AGE_BANDS.split(",")));
        List<Band> bands;
        try {
            bands = bands(written);
        } catch (IllegalArgumentException e) {
            throw config.bad(AGE_BANDS_KEY, String.join(",", written), e.getMessage());
        }
        String youthText = config.string(YOUTH_BAND_KEY, DEFAULT_YOUTH_BAND);
        Band youth;
        try {
            youth = youthBand(youthText);
        } catch (IllegalArgumentException e) {
            throw config.bad(YOUTH_BAND_KEY, youthText, e.getMessage());
        }
        return new ReportBands(bands, youth);
    }

    /**
     * The bands and youth band as configuration writes them.
     *
     * @throws IllegalArgumentException saying what is wrong (which value of the two is the caller's
     *     to say)
     */
    public static ReportBands of(List<String> bands, String youth) {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(youth, "youth");
        return new ReportBands(bands(bands), youthBand(youth));
    }

    /** The configured bands, in order (without the not-declared row). */
    public List<Band> bands() {
        return bands;
    }

    public Band youth() {
        return youth;
    }

    /** The configured bands' labels, in order ({@code 0-17}, ..., {@code 55+}). */
    public List<String> labels() {
        return bands.stream().map(Band::label).toList();
    }

    /** The age tables' row labels: the bands as written, then {@value #NOT_DECLARED}. */
    public List<String> rowLabels() {
        List<String> labels = new ArrayList<>(labels());
        labels.add(NOT_DECLARED);
        return List.copyOf(labels);
    }

    /** The not-declared row's index: the last. */
    public int notDeclaredRow() {
        return bands.size();
    }

    /** How many atoms there are. */
    public int atoms() {
        return scheme.atoms();
    }

    /** The atom our band falls in. */
    public int atomOf(AgeBand band) {
        return atomOfBand[Objects.requireNonNull(band, "band").ordinal()];
    }

    /** The atom → row scheme {@link VisitPublication} publishes visits by. */
    public RowScheme scheme() {
        return scheme;
    }

    /** The row our band is counted in: the configured band holding it, else not declared. */
    private int rowOf(AgeBand band) {
        Optional<AgeRange> ages = band.range();
        if (ages.isPresent()) {
            for (int row = 0; row < bands.size(); row++) {
                if (bands.get(row).ages().contains(ages.get())) {
                    return row;
                }
            }
        }
        // undeclared, or a legacy band straddling two configured bands
        return notDeclaredRow();
    }

    private boolean inYouth(AgeBand band) {
        return band.range().map(youth.ages()::contains).orElse(false);
    }

    /**
     * Whether a band is one the kiosk offers today. A legacy band (sent by older agents) may
     * straddle a configured band; a current one may not.
     */
    static boolean current(AgeBand band) {
        return band.range().isPresent() && !band.legacy();
    }

    /** The ages at which one of our current bands begins: where a configured band may begin or end. */
    static TreeSet<Integer> cuts() {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (AgeBand band : AgeBand.values()) {
            if (current(band)) {
                cuts.add(band.range().orElseThrow().from());
            }
        }
        return cuts;
    }

    private static List<Band> bands(List<String> written) {
        if (written.isEmpty()) {
            throw new IllegalArgumentException("give at least one band, e.g. " + DEFAULT_AGE_BANDS);
        }
        List<Band> bands = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < written.size(); i++) {
            Band band = band(written.get(i));
            boolean last = i == written.size() - 1;
            if (band.ages().from() != next) {
                throw new IllegalArgumentException(
                        next == 0
                                ? "the first band must begin at 0, not "
                                        + band.ages().from()
                                : "band " + band.label() + " must begin at " + next
                                        + ": the bands must be ascending and leave no age out");
            }
            if (band.open() != last) {
                throw new IllegalArgumentException(
                        last
                                ? "the last band must be open-ended, e.g. "
                                        + band.ages().from() + "+"
                                : "only the last band may be open-ended: " + band.label());
            }
            onCuts(band);
            bands.add(band);
            next = band.open() ? next : band.ages().to() + 1;
        }
        return bands;
    }

    private static Band youthBand(String written) {
        Band youth = band(written);
        onCuts(youth);
        return youth;
    }

    /** One band as written: {@code 18-29} or {@code 55+}. */
    private static Band band(String written) {
        String text = written.strip();
        Matcher m;
        if ((m = CLOSED.matcher(text)).matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            if (to < from) {
                throw new IllegalArgumentException("band " + text + " ends before it begins");
            }
            return new Band(from + "-" + to, new AgeRange(from, to));
        }
        if ((m = OPEN.matcher(text)).matches()) {
            int from = Integer.parseInt(m.group(1));
            return new Band(from + "+", new AgeRange(from, Integer.MAX_VALUE));
        }
        throw new IllegalArgumentException("'" + text + "' is not an age band: write 18-29 or 55+");
    }

    /** Fails if one of our current bands straddles the band's beginning or end. */
    private static void onCuts(Band band) {
        TreeSet<Integer> cuts = cuts();
        int from = band.ages().from();
        if (!cuts.contains(from)) {
            throw straddled(band, from, cuts);
        }
        if (!band.open() && !cuts.contains(band.ages().to() + 1)) {
            throw straddled(band, band.ages().to() + 1, cuts);
        }
    }

    private static IllegalArgumentException straddled(Band band, int age, TreeSet<Integer> cuts) {
        AgeBand across = Arrays.stream(AgeBand.values())
                .filter(ReportBands::current)
                .filter(b -> b.range().orElseThrow().from() < age
                        && age <= b.range().orElseThrow().to())
                .findFirst()
                .orElseThrow();
        return new IllegalArgumentException("band " + band.label() + " cuts the age band " + across
                + " the kiosk offers, so its count could not be rolled up exactly; a band may begin at "
                + cuts.toString().replace("[", "").replace("]", "") + " and end the year before one of those");
    }

    @Override
    public String toString() {
        return String.join(",", labels()) + " (youth " + youth.label() + ")";
    }
}
