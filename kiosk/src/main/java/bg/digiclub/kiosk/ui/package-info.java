/**
 * What every kiosk window shares: the lockdown that keeps the lock screen up, the stylesheet
 * and bundled Cyrillic font, large-text and high-contrast modes, and keyboard activation.
 */
package bg.digiclub.kiosk.ui;
