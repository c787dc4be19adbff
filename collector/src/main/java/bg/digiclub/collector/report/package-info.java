/**
 * What the dashboard and the CSV export show: queries over the pre-aggregated tables, the
 * reporting period, and small-count suppression of demographic tables.
 */
package bg.digiclub.collector.report;
