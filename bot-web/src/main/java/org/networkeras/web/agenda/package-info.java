/**
 * The public web agenda of a community that turned it on ({@code /settings web on}): the agenda of
 * the next 30 days with its filters, one page per event, served by {@link
 * org.networkeras.web.agenda.AgendaRoutes} at {@code /w/<slug>}. Pages are rendered on the server
 * from precompiled jte templates ({@code src/main/jte}), need no JavaScript and show only what the
 * chat shows to everyone: listed events, counts, and the names of members who chose to be visible.
 * The records here are what the templates read.
 */
package org.networkeras.web.agenda;
