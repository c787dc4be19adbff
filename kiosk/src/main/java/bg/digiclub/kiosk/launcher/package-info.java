/**
 * The launcher: the club's allowed applications from config ({@link
 * bg.digiclub.kiosk.launcher.AllowedApps}), started as argv lists without a shell, as the
 * visitor's account, by the agent ({@link bg.digiclub.kiosk.launcher.AgentAppLauncher}).
 */
package bg.digiclub.kiosk.launcher;
