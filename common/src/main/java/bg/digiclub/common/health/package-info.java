/** Health contracts: statuses and reports the agent gives to the kiosk and, aggregated, to the collector. */
package bg.digiclub.common.health;
