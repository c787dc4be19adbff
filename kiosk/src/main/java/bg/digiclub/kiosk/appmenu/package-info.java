/** The launcher menu opened from the session bar: the club's allowed applications as big buttons. */
package bg.digiclub.kiosk.appmenu;
