/**
 * How the collector's tables number calendar months ({@link bg.digiclub.collector.calendar.MonthKey}). It depends
 * on nothing of the collector, so that the store, the audit trail (which the store calls) and the reports can all
 * use the one key.
 */
package bg.digiclub.collector.calendar;
