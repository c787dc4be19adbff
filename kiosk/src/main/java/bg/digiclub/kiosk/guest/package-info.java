/** Starting as a guest: accept the club's rules, optionally declare age band and sex. */
package bg.digiclub.kiosk.guest;
