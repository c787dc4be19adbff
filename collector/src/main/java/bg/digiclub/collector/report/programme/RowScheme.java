package bg.digiclub.collector.report.programme;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How the atoms of the counts roll up into the published rows and the youth line. An atom is a group
 * of our age bands with the same (report row, inside the youth band?) pair (plan D2); the published
 * rows are unions of atoms and so is the youth line, which may cut across a row (0-17 = {0-14,
 * 15-17}, youth = {15-17, 18-29}). The suppression works on atoms so that a difference of two
 * published lines (youth minus 18-29 = 15-17) is protected like a cell.
 *
 * @param rowLabels the published rows in order: the report bands as configured, "not-declared" last
 * @param rowOfAtom for each atom, the index of its row
 * @param youthAtom for each atom, whether it counts as youth
 */
public record RowScheme(List<String> rowLabels, int[] rowOfAtom, boolean[] youthAtom) {
    public RowScheme {
        rowLabels = List.copyOf(rowLabels);
        Objects.requireNonNull(rowOfAtom, "rowOfAtom");
        Objects.requireNonNull(youthAtom, "youthAtom");
        if (rowOfAtom.length != youthAtom.length) {
            throw new IllegalArgumentException("rowOfAtom and youthAtom must have one entry per atom: "
                    + rowOfAtom.length + " and " + youthAtom.length);
        }
        if (rowOfAtom.length == 0) {
            throw new IllegalArgumentException("a scheme needs at least one atom");
        }
        boolean[] used = new boolean[rowLabels.size()];
        for (int row : rowOfAtom) {
            if (row < 0 || row >= rowLabels.size()) {
                throw new IllegalArgumentException("an atom maps to row " + row + " of " + rowLabels.size());
            }
            used[row] = true;
        }
        for (int r = 0; r < used.length; r++) {
            if (!used[r]) {
                throw new IllegalArgumentException("row " + rowLabels.get(r) + " has no atom");
            }
        }
        rowOfAtom = rowOfAtom.clone();
        youthAtom = youthAtom.clone();
    }

    /**
     * One atom per row, no youth line: the dashboard's table by our own age bands.
     *
     * @param rowLabels the rows, each its own atom
     */
    public static RowScheme identity(List<String> rowLabels) {
        int[] rows = new int[rowLabels.size()];
        Arrays.setAll(rows, i -> i);
        return new RowScheme(rowLabels, rows, new boolean[rowLabels.size()]);
    }

    public int atoms() {
        return rowOfAtom.length;
    }

    public int rows() {
        return rowLabels.size();
    }

    @Override
    public int[] rowOfAtom() {
        return rowOfAtom.clone();
    }

    @Override
    public boolean[] youthAtom() {
        return youthAtom.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowScheme s
                && rowLabels.equals(s.rowLabels)
                && Arrays.equals(rowOfAtom, s.rowOfAtom)
                && Arrays.equals(youthAtom, s.youthAtom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowLabels, Arrays.hashCode(rowOfAtom), Arrays.hashCode(youthAtom));
    }

    @Override
    public String toString() {
        return "RowScheme" + rowLabels + " atoms->rows " + Arrays.toString(rowOfAtom) + " youth "
                + Arrays.toString(youthAtom);
    }
}
