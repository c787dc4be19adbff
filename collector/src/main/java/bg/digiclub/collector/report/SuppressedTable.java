package bg.digiclub.collector.report;

import java.util.function.UnaryOperator;

/**
 * A two-way table (rows x columns) with row totals, column totals and the grand total, every
 * number marked with how it may be shown.
 */
public record SuppressedTable(Cell[][] cells, Cell[] rowTotals, Cell[] columnTotals, Cell grandTotal) {
    public int rows() {
        return rowTotals.length;
    }

    public int columns() {
        return columnTotals.length;
    }

    public Cell cell(int row, int column) {
        return cells[row][column];
    }

    /**
     * The table with every number but the grand total as {@code how} makes it: a breakdown withheld
     * or hidden around a total that stays as it is.
     */
    public SuppressedTable map(UnaryOperator<Cell> how) {
        Cell[][] mapped = new Cell[rows()][columns()];
        Cell[] mappedRows = new Cell[rows()];
        Cell[] mappedColumns = new Cell[columns()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns(); c++) {
                mapped[r][c] = how.apply(cells[r][c]);
            }
            mappedRows[r] = how.apply(rowTotals[r]);
        }
        for (int c = 0; c < columns(); c++) {
            mappedColumns[c] = how.apply(columnTotals[c]);
        }
        return new SuppressedTable(mapped, mappedRows, mappedColumns, grandTotal);
    }
}
