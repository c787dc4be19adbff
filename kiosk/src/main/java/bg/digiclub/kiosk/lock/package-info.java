/** The lock screen: club name, date and time, language and display switches, and the three ways in. */
package bg.digiclub.kiosk.lock;
