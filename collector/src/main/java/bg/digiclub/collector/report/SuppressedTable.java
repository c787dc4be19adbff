package bg.digiclub.collector.report;

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
}
