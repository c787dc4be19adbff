/**
 * The kiosk application's wiring: {@link bg.digiclub.kiosk.KioskMain} creates the parts and
 * {@link bg.digiclub.kiosk.KioskUi} the windows. The feature packages ({@code lock}, {@code guest},
 * {@code member}, {@code session}, {@code staff}, {@code appmenu}) each hold a view and its view model;
 * {@code navigation} decides which screen is up. This package depends on them, never they on it.
 */
package bg.digiclub.kiosk;
