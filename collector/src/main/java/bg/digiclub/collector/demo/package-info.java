/**
 * Demo and benchmark data: the 32 real digital clubs of Stara Zagora and plausible synthetic
 * batches for their PCs, stored through the same code path as real uploads.
 */
package bg.digiclub.collector.demo;
