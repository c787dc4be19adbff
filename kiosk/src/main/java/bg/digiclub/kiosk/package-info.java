/**
 * The kiosk application: {@link bg.digiclub.kiosk.KioskMain} wires the parts, the feature
 * packages ({@code lock}, {@code guest}, {@code member}, {@code session}, {@code staff},
 * {@code appmenu}) each hold a view and its view model, and {@link bg.digiclub.kiosk.KioskViewModel}
 * decides which screen is up.
 */
package bg.digiclub.kiosk;
