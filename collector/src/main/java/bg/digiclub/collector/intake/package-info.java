/**
 * The device-facing API: enrolment and batch intake. Reads bodies within size limits (before
 * and after gzip), parses them strictly, authenticates the device's bearer token, rate-limits
 * per device and answers every refusal with a {@link bg.digiclub.common.batch.Problem} that
 * names what is wrong.
 */
package bg.digiclub.collector.intake;
