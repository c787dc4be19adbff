package bg.digiclub.collector.report.programme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The visit figures of a period as published, per club and for all of them together. A club's
 * figures are the same whichever scope asked (they depend on that club's months only), so the
 * club's own report and the municipality's page never disagree.
 *
 * @param byClub per club id, its figures
 * @param all    the sum over the clubs (the municipality), protected across clubs
 */
public record PublishedVisits(Map<String, ClubVisits> byClub, ClubVisits all) {
    public PublishedVisits {
        byClub = Collections.unmodifiableMap(new LinkedHashMap<>(byClub));
        Objects.requireNonNull(all, "all");
    }
}
