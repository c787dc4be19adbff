/**
 * The launcher's tiles: the club's programs and web addresses from config ({@link
 * bg.digiclub.kiosk.launcher.AllowedApps}; an address is opened with the club's browser), started
 * as argv lists without a shell, as the visitor's account, by the agent ({@link
 * bg.digiclub.kiosk.launcher.AgentAppLauncher}), each with its category.
 */
package bg.digiclub.kiosk.launcher;
