package bg.digiclub.collector.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.demo.DemoClubs;

/** The export holds every table, both formats say the same, the manifest holds, and no secret leaves. */
class AuditExportTest {
    private static final AuditExport.Period EVERYTHING =
            new AuditExport.Period(LocalDate.parse("2000-01-01"), LocalDate.parse("2100-12-31"), DemoClubs.SOFIA);

    @TempDir
    Path temp;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void bothFormatsReadBackWithTheTablesRowsAndTheManifestHolds(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            Path out = temp.resolve("export");
            AuditExport.Manifest manifest = new AuditExport(f.db, f.clock).write(EVERYTHING, AuditExport.into(out));
            JsonNode written = json.readTree(out.resolve("manifest.json").toFile());
            assertEquals(AuditExport.FORMAT, written.get("format").asText());
            assertEquals(
                    f.db.read(BatchLog::head).hash(),
                    written.get("chainHead").get("hash").asText());
            assertEquals(
                    manifest.chainHead().seq(),
                    written.get("chainHead").get("seq").asLong());
            assertEquals(2 * ExportTable.ALL_TABLES.size(), written.get("files").size());
            for (JsonNode file : written.get("files")) {
                byte[] bytes = Files.readAllBytes(out.resolve(file.get("name").asText()));
                assertEquals(
                        Sha256.of(bytes),
                        file.get("sha256").asText(),
                        file.get("name").asText());
                assertEquals(bytes.length, file.get("bytes").asLong());
            }
            for (int i = 0; i < ExportTable.ALL_TABLES.size(); i++) {
                ExportTable table = ExportTable.ALL_TABLES.get(i);
                long rows = f.number("SELECT COUNT(*) FROM " + table.name());
                List<CSVRecord> csv = csv(out.resolve(table.name() + ".csv"));
                JsonNode array =
                        json.readTree(out.resolve(table.name() + ".json").toFile());
                assertEquals(rows, csv.size(), table.name() + ".csv");
                assertEquals(rows, array.size(), table.name() + ".json");
                assertEquals(rows, written.get("tables").get(i).get("rows").asLong(), table.name());
                for (String secret : table.leftOut().keySet()) {
                    assertFalse(header(out.resolve(table.name() + ".csv")).contains(secret), table.name());
                }
                for (int r = 0; r < csv.size(); r++) {
                    for (Map.Entry<String, String> cell : csv.get(r).toMap().entrySet()) {
                        JsonNode value = array.get(r).get(cell.getKey());
                        assertEquals(cell.getValue(), value.isNull() ? "" : value.asText(), table.name());
                    }
                }
            }
            assertTrue(f.number("SELECT COUNT(*) FROM usage_hours") > 100);
            // no token hash, password hash, card key or PIN hash is in any file
            List<String> secrets = new ArrayList<>();
            secrets.addAll(strings(f, "SELECT token_hash FROM devices"));
            secrets.addAll(strings(f, "SELECT code_hash FROM enrolment_codes"));
            assertFalse(secrets.isEmpty());
            try (var files = Files.list(out)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    for (String secret : secrets) {
                        assertFalse(text.contains(secret), file.getFileName() + " holds a secret");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aPeriodHoldsItsOwnRowsOnly(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            long day = f.number("SELECT MIN(day) FROM usage_days") + 2;
            LocalDate date = LocalDate.ofEpochDay(day);
            Path out = temp.resolve("day");
            new AuditExport(f.db, f.clock)
                    .write(new AuditExport.Period(date, date, DemoClubs.SOFIA), AuditExport.into(out));
            long dayRows = f.number("SELECT COUNT(*) FROM usage_days WHERE day = " + day);
            assertTrue(dayRows > 0 && dayRows < f.number("SELECT COUNT(*) FROM usage_days"));
            assertEquals(dayRows, csv(out.resolve("usage_days.csv")).size());
            long from = date.atStartOfDay(DemoClubs.SOFIA).toEpochSecond();
            assertEquals(
                    f.number(
                            "SELECT COUNT(*) FROM usage_hours WHERE hour >= " + from + " AND hour < " + (from + 86400)),
                    json.readTree(out.resolve("usage_hours.json").toFile()).size());
            assertEquals(
                    f.number("SELECT COUNT(*) FROM clubs"),
                    csv(out.resolve("clubs.csv")).size());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void everyTableOfTheSchemaIsExported(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            TreeSet<String> schema = f.db.read(c -> {
                TreeSet<String> names = new TreeSet<>();
                try (ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                    while (tables.next()) {
                        names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                return names;
            });
            TreeSet<String> exported = new TreeSet<>();
            ExportTable.ALL_TABLES.forEach(t -> exported.add(t.name()));
            assertEquals(
                    schema,
                    exported,
                    "a table the collector holds is missing from ExportTable.ALL_TABLES "
                            + "(add it, with its period column and the columns it must leave out)");
        }
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            return parser.getRecords();
        }
    }

    private static String header(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }

    private static List<String> strings(AuditFixture f, String query) throws Exception {
        return f.db.read(c -> {
            List<String> values = new ArrayList<>();
            try (var st = c.prepareStatement(query);
                    ResultSet rows = st.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
