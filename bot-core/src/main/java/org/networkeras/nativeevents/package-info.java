/**
 * Mirrors a community's published events into its platform's own calendar of scheduled events
 * (Discord's guild scheduled events), through the outbox so that a restart neither loses nor
 * doubles one: {@code /settings discord-events on|off}, what is mirrored, and the record of which
 * platform event mirrors which occurrence.
 */
package org.networkeras.nativeevents;
