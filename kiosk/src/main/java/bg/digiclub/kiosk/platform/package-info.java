/**
 * Platform concerns of the kiosk behind one interface each: idle time ({@link
 * bg.digiclub.kiosk.platform.IdleMonitor}) and the per-OS config key, implemented in {@code linux} and
 * {@code windows}; {@code current.Platforms} is the one place that picks one. Ending the visitor's programs and resetting the visitor's
 * home are the agent's (it runs as the account allowed to); the kiosk's account cannot.
 */
package bg.digiclub.kiosk.platform;
