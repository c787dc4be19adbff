/** The privacy wipe between visitors: configured steps, each confined to its paths. */
package bg.digiclub.kiosk.wipe;
