/** What leaves the club PC: every request body scanned for member codes, PIN hashes, names, addresses, URLs and exact times. */
package bg.digiclub.systemtest.privacy;
