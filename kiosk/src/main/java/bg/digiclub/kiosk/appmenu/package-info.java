/**
 * The launcher opened from the session bar: the club's tiles grouped by what people come to do
 * (one heading per {@link bg.digiclub.common.link.TileCategory} that has tiles), each an icon above
 * its name in the session's language.
 */
package bg.digiclub.kiosk.appmenu;
