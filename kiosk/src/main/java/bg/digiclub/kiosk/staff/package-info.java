/** The staff panel behind the staff PIN: PC health, current session, member cards, maintenance unlock. */
package bg.digiclub.kiosk.staff;
