/**
 * Every visible string of the kiosk, in Bulgarian and English resource bundles
 * ({@code messages_bg.properties}, {@code messages_en.properties}), and the language the
 * screen speaks right now.
 */
package bg.digiclub.kiosk.i18n;
