/**
 * Installs, upgrades, verifies and removes the agent and the kiosk on a club PC. Only the
 * module skeleton exists so far; the installer is a later issue.
 */
package bg.digiclub.installer;
