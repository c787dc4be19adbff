/**
 * Windows implementations through jna-platform: idle time from GetLastInputInfo. They compile on
 * every OS but are exercised only on Windows; the CI here is Linux.
 */
package bg.digiclub.kiosk.platform.windows;
