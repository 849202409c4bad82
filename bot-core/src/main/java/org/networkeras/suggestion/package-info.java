/**
 * Members' suggestions and their moderation: {@code /suggest} in one line, as a guided conversation
 * or as a form; validation, duplicate detection and per-member limits; the review queue ({@code
 * /review}), {@code /edit}, {@code /cancel_event}; notifications to moderators and members and
 * announcements of published events, sent through the outbox.
 *
 * <p>{@link org.networkeras.suggestion.SuggestionService} submits (with {@code Drafts} and {@code
 * Duplicates}), {@link org.networkeras.suggestion.Moderation} reviews, {@link
 * org.networkeras.suggestion.Edits} changes and cancels, {@link org.networkeras.suggestion.Notices}
 * says who is told what; all of them read and write through {@link
 * org.networkeras.suggestion.SuggestionStore}, one transaction per change.
 */
package org.networkeras.suggestion;
