/**
 * The kiosk's configuration: one properties file, read and validated once at start-up into
 * {@link bg.digiclub.kiosk.config.KioskConfig}. The {@code app.} and {@code wipe.} sections are
 * handed on untouched to the launcher and the privacy wipe, which validate their own keys.
 */
package bg.digiclub.kiosk.config;
