package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.testing.RunningCollector;

/** {@code /audit/export}: a zip of every table for the municipality; 403 for a club's staff; sign-in first. */
class AuditDownloadHttpTest {
    @TempDir
    Path temp;

    @Test
    void theMunicipalityDownloadsTheZipAndAClubsStaffAreRefused() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            DashboardHttpTest.uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            String path = "/audit/export?from=2026-11-24&to=2026-11-24";

            HttpResponse<String> anonymous = c.http.send(c.http.request(path).GET());
            assertEquals(302, anonymous.statusCode());

            String staff = c.login("rodina", RunningCollector.PASSWORD);
            assertEquals(
                    403,
                    c.http.send(c.http.request(path).header("Cookie", staff).GET())
                            .statusCode());

            String municipality = c.login("obshtina", RunningCollector.PASSWORD);
            HttpResponse<byte[]> zip = c.http.sendForBytes(
                    c.http.request(path).header("Cookie", municipality).GET());
            assertEquals(200, zip.statusCode());
            assertEquals(
                    "application/zip", zip.headers().firstValue("Content-Type").orElse(""));
            assertTrue(
                    zip.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
            Map<String, byte[]> files = new HashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
            JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
            assertEquals("2026-11-24", manifest.get("from").asText());
            assertEquals(manifest.get("files").size() + 1, files.size());
            String usageDays = new String(files.get("usage_days.csv"), StandardCharsets.UTF_8);
            assertEquals(2, usageDays.split("\r\n").length, usageDays);
            assertTrue(usageDays.startsWith("device_id,day,sessions,distinct_members,batch_id\r\n"), usageDays);
        }
    }
}
