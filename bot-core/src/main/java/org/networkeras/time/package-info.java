/**
 * Time phrases: turns what members type ({@code ce soir}, {@code this weekend}, {@code jeudi
 * 19h30}) into a {@link org.networkeras.time.TimeRange} to filter the catalog or an {@link
 * java.time.Instant} to start an event, in English and French, following {@code TIME-PHRASES.md}.
 * The entry point is {@link org.networkeras.time.TimePhraseResolver}; the rest is its lexer,
 * lexicon, parser and calendar rules.
 */
package org.networkeras.time;
