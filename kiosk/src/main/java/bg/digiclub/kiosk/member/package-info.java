/** Member login with card code and PIN, and the member's one-time demographic declaration. */
package bg.digiclub.kiosk.member;
