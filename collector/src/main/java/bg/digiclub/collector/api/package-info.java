/**
 * The read API for the municipality's BI tools (Excel Power Query, Power BI, Grafana): the
 * programme report as JSON under {@code /api/v1/reports/}, its OpenAPI document at
 * {@code /api/v1/openapi.json}, the bearer tokens that open it ({@link bg.digiclub.collector.api.ApiTokens},
 * apart from the device tokens) and RFC 9457 problem details for its errors
 * ({@link bg.digiclub.collector.api.Problems}). docs/collector.md, "Read API".
 */
package bg.digiclub.collector.api;
