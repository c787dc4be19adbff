/**
 * The programme report (issue 14): the Recovery and Resilience programme's indicators per
 * municipality or club and period of whole calendar months, published with small-count
 * suppression that stays the same across periods (docs/collector.md, "Programme report"). The
 * page, the CSV and the read API all render one {@link bg.digiclub.collector.report.programme.ProgrammeReport}
 * made by {@link bg.digiclub.collector.report.programme.ProgrammeReports}.
 */
package bg.digiclub.collector.report.programme;
