/** The HTTP server: wires the device API and the dashboard into one Javalin instance. */
package bg.digiclub.collector.server;
