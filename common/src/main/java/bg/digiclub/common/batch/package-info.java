/**
 * The upload contract between the agent and the collector (schema version
 * {@value bg.digiclub.common.batch.Batch#SCHEMA_VERSION}): the batch envelope, its usage and
 * health payloads, enrolment, the collector's answers and the limits both sides enforce.
 *
 * <p>Everything here is an anonymous aggregate by construction: there is no field that could
 * carry a member code, a PIN hash, a host name, an OS user name, an IP or MAC address, a
 * hardware serial, a window title, a URL or an exact session start time; hours are the finest
 * grain. The compact constructors validate ranges and invariants so that an invalid batch cannot
 * be built by the agent nor accepted by the collector. {@code docs/protocol.md} is the prose
 * version of this contract and {@code docs/schema/*.json} its JSON Schema.
 */
package bg.digiclub.common.batch;
