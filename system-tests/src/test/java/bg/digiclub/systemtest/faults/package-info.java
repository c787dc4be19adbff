/**
 * Faults between the club PC and the collector, with exact counts afterwards: a month-long outage,
 * a flaky network and collector (500s, timeouts, slow and garbage answers, resets, rate limits,
 * duplicate deliveries), and an agent killed in the middle of an upload.
 */
package bg.digiclub.systemtest.faults;
