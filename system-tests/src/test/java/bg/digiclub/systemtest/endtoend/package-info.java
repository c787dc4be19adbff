/** Kiosk client -> agent -> collector -> dashboard and CSV, with the numbers checked against the planned visits. */
package bg.digiclub.systemtest.endtoend;
