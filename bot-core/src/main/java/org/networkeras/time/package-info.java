/**
 * Time phrases: turns what members type ({@code ce soir}, {@code this weekend}, {@code jeudi
 * 19h30}, {@code in 3 days}) into a {@link org.networkeras.time.TimeRange} for filters or an {@link
 * java.time.Instant} for event starts, in English and French, following TIME-PHRASES.md. The entry
 * point is {@link org.networkeras.time.TimePhraseResolver}; the tokenizer, lexicon and parser
 * behind it are package-private.
 */
package org.networkeras.time;
