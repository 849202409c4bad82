package org.networkeras.catalog;

import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;

/**
 * Adds a feature's lines and buttons below an event card (the RSVP counts and buttons), so that the
 * catalog needs to know nothing of the features built on it.
 */
@FunctionalInterface
public interface CardSection {

  /** Adds nothing. */
  CardSection NONE = (reply, context, occurrence) -> {};

  /** The sections one after the other. */
  static CardSection of(CardSection... sections) {
    java.util.List<CardSection> all = java.util.List.of(sections);
    return (reply, context, occurrence) ->
        all.forEach(section -> section.addTo(reply, context, occurrence));
  }

  /** Adds to {@code reply}, after the card, what this feature shows about {@code occurrence}. */
  void addTo(Reply.Builder reply, CommandContext context, Occurrence occurrence);
}
