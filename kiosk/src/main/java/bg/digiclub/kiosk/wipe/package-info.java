/**
 * The privacy wipe between visitors: {@link bg.digiclub.kiosk.wipe.WipeConfig} (validated at
 * start-up) and {@link bg.digiclub.kiosk.wipe.ConfiguredPrivacyWipe}, whose steps are each
 * confined to their paths by a walk that never follows a link ({@code ConfinedDeleter} over
 * {@code SecureDirectoryStream}). See {@code docs/privacy-wipe.md}.
 */
package bg.digiclub.kiosk.wipe;
