/**
 * The dashboard: server-rendered HTML pages with SVG charts drawn on the server (nothing is
 * loaded from the internet), sign-in with throttling and session cookies, role checks on every
 * page and export.
 */
package bg.digiclub.collector.web;
