/**
 * Reminders: direct messages to the members going to or interested in an event occurrence, some
 * time before it starts. Offsets come from the member's choice for that occurrence, else their
 * defaults, else the community's; quiet hours hold reminders back until they end (never past the
 * start). Every reminder is an outbox message, so it survives restarts, is sent once, and is
 * dropped rather than sent after the start. Also {@code /mine}.
 */
package org.networkeras.reminder;
