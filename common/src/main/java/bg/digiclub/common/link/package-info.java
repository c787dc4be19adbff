/**
 * The kiosk-agent contract: the messages the kiosk sends over the local socket and the
 * answers it gets. Values only; the framing lives with the two ends.
 */
package bg.digiclub.common.link;
