/**
 * JMH benchmarks of the core at community-network scale (a generated 100,000-event catalog over
 * 1,000 communities on SQLite), plus two small probes run as plain mains: the heap held by the
 * cached catalog ({@link org.networkeras.benchmarks.Footprint}) and the console's time to its first
 * reply ({@link org.networkeras.benchmarks.ConsoleStartup}). How to run them and the figures are in
 * {@code docs/performance.md}.
 */
package org.networkeras.benchmarks;
