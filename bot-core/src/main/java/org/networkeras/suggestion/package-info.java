/**
 * Members' suggestions and their moderation: {@code /suggest} in one line, as a guided conversation
 * or as a form; validation, duplicate detection and per-member limits; the review queue ({@code
 * /review}), {@code /edit}, {@code /cancel_event}; notifications to moderators and members and
 * announcements of published events, sent through the outbox.
 */
package org.networkeras.suggestion;
