/**
 * Platform concerns of the kiosk behind one interface each: idle time ({@link
 * bg.digiclub.kiosk.platform.IdleMonitor}), ending the session's programs ({@link
 * bg.digiclub.kiosk.platform.SessionProcesses}), clearing the clipboard ({@link
 * bg.digiclub.kiosk.platform.ClipboardCleaner}) and the per-OS config key. {@link
 * bg.digiclub.kiosk.platform.Platforms} is the one place that picks the {@code linux} or
 * {@code windows} implementations; the process selection and the ending loop are shared.
 */
package bg.digiclub.kiosk.platform;
