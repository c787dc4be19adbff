package bg.digiclub.collector.testing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An exported CSV read back as a spreadsheet would, with Commons CSV (quotes, commas in names),
 * instead of splitting lines at commas. The byte order mark the download starts with is dropped.
 */
public record CsvTable(List<String> header, List<Map<String, String>> rows) {
    public static CsvTable parse(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    throw new AssertionError("row " + record.getRecordNumber() + " has " + record.size()
                            + " values, the header " + parser.getHeaderNames().size());
                }
                rows.add(record.toMap());
            }
            return new CsvTable(List.copyOf(parser.getHeaderNames()), rows);
        }
    }

    /** The row whose {@code club_id} is {@code clubId}. */
    public Optional<Map<String, String>> club(String clubId) {
        return rows.stream().filter(row -> clubId.equals(row.get("club_id"))).findFirst();
    }
}
