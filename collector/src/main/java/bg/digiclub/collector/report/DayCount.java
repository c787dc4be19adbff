package bg.digiclub.collector.report;

import java.time.LocalDate;

/** Sessions and session minutes of one day. */
public record DayCount(LocalDate day, long sessions, long sessionMinutes) {}
