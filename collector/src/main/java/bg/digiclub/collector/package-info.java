/** The DigiClub collector: the municipality's server. {@link bg.digiclub.collector.CollectorMain} wires it. */
package bg.digiclub.collector;
