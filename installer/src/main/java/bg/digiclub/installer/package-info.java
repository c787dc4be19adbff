/**
 * Installs, upgrades, verifies and removes the agent and the kiosk on a club PC: the command line
 * here, the Linux steps in {@code bg.digiclub.installer.linux}. The agent and the kiosk are run
 * as programs (enrolment, the class-data archive); none of their code is linked.
 */
package bg.digiclub.installer;
