/**
 * Which screen the kiosk shows and the moves between screens: {@link bg.digiclub.kiosk.navigation.Screen}
 * and {@link bg.digiclub.kiosk.navigation.KioskViewModel}. The feature view models depend on this
 * package to move the kiosk on; the application's wiring in {@code bg.digiclub.kiosk} depends on the
 * features. Nothing here depends on the wiring, so packages do not import each other in a circle.
 */
package bg.digiclub.kiosk.navigation;
