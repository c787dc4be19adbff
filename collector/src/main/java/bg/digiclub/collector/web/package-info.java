/**
 * The dashboard: server-rendered HTML pages with SVG charts drawn on the server (nothing is
 * loaded from the internet), sign-in with throttling and session cookies, role checks on every
 * page and export.
 *
 * <p>The club page is also the mentor's live console ({@link bg.digiclub.collector.web.LivePages}):
 * the room view, which a static script refreshes from {@code room.json} every 2 s, and the forms
 * that send commands, give out queue numbers and change the club's settings through
 * {@code collector.live.ClubConsole}. Every such form carries the session's CSRF token.
 *
 * <p>The pages are jte templates in {@code collector/src/main/jte}, compiled at build time into
 * {@code bg.digiclub.collector.web.templates}; their content type is HTML, so every value is
 * escaped where it stands. Their text is in {@code messages_bg/en.properties} beside this
 * package, and the labels the kiosk shows too (age bands, sex, tile categories) come from the
 * shared {@code bg/digiclub/common/i18n/labels_*.properties}.
 */
package bg.digiclub.collector.web;
