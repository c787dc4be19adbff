/** The PC's health: samples, metric names, status changes. Sampling, checks and storage live in sub-packages. */
package bg.digiclub.agent.health;
