/** Contracts shared by the agent, the kiosk and the collector: messages and schemas, no logic. */
package bg.digiclub.common;
