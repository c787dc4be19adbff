/**
 * The kiosk's configuration: one properties file, read with the one configuration reader of
 * every DigiClub program ({@link bg.digiclub.common.config.ConfigProperties}: errors name the
 * file and the key, a blank value is an error, an old key name works with a warning) and
 * validated once at start-up into {@link bg.digiclub.kiosk.config.KioskConfig}. The
 * {@code app.} and {@code launcher.} sections are handed on as written to the launcher, which
 * validates its own keys. The keys of the old model ({@code agent.spool}, {@code wipe.*}) are
 * refused with a message: the agent resets the visitor's home now.
 */
package bg.digiclub.kiosk.config;
