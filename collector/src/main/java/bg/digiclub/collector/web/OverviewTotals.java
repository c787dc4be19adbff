package bg.digiclub.collector.web;

import java.util.List;

import bg.digiclub.collector.report.ClubSummary;
import bg.digiclub.collector.report.HealthLight;

/** The overview's cards: every club's numbers added up, and how many clubs have a problem. */
public record OverviewTotals(long sessions, long sessionMinutes, long devicesActive, long devices, long clubsRed) {
    public static OverviewTotals of(List<ClubSummary> clubs) {
        return new OverviewTotals(
                clubs.stream().mapToLong(ClubSummary::sessions).sum(),
                clubs.stream().mapToLong(ClubSummary::sessionMinutes).sum(),
                clubs.stream().mapToLong(ClubSummary::devicesActive).sum(),
                clubs.stream().mapToLong(ClubSummary::devices).sum(),
                clubs.stream().filter(c -> c.health() == HealthLight.RED).count());
    }
}
