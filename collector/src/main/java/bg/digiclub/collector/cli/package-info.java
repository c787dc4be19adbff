/** The command line: {@code serve} and the administration commands for clubs, codes, users and devices. */
package bg.digiclub.collector.cli;
