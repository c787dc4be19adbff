package bg.digiclub.collector.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.collector.store.Club;

/** The real digital clubs of Stara Zagora municipality (from its 2026 announcement). */
public final class DemoClubs {
    public static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    private DemoClubs() {}

    public static List<DemoClub> staraZagora() {
        try (InputStream in = DemoClubs.class.getResourceAsStream("/demo/stara-zagora-clubs.tsv")) {
            if (in == null) {
                throw new IllegalStateException("demo/stara-zagora-clubs.tsv is missing from the class path");
            }
            List<DemoClub> clubs = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                clubs.add(new DemoClub(new Club(f[0], f[1], f[2], SOFIA), Integer.parseInt(f[3])));
            }
            return clubs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
