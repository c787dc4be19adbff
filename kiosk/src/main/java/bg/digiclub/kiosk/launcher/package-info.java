/**
 * The launcher: the club's allowed applications from config ({@link
 * bg.digiclub.kiosk.launcher.AllowedApps}), started as argv lists without a shell and tracked per
 * session ({@link bg.digiclub.kiosk.launcher.ProcessAppLauncher}).
 */
package bg.digiclub.kiosk.launcher;
