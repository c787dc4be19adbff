/**
 * The kiosk's configuration: one properties file, read and validated once at start-up into
 * {@link bg.digiclub.kiosk.config.KioskConfig}. The {@code app.} section is handed on untouched
 * to the launcher, which validates its own keys. The keys of the old model ({@code agent.spool},
 * {@code wipe.*}) are refused with a message: the agent resets the visitor's home now.
 */
package bg.digiclub.kiosk.config;
