package org.networkeras.suggestion;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.RepeatWords;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** How suggestions read in replies, notifications and announcements. User text stays plain. */
final class SuggestionText {

  private SuggestionText() {}

  /** A titled block: when, where, family, link, reference. */
  static Block summary(Messages messages, Language language, Community community, Event event) {
    return summary(
        messages,
        language,
        community,
        event,
        event.start(),
        event.end(),
        Long.toString(event.id()));
  }

  /** The summary of one date of an event, or of a series from that date on. */
  static Block summary(
      Messages messages,
      Language language,
      Community community,
      Event event,
      java.time.Instant start,
      java.time.Instant end,
      String ref) {
    List<Line> lines = new ArrayList<>();
    lines.add(
        Line.of(
            Piece.text(messages.get(language, "event.when") + " "),
            Piece.time(start, community.zone(), Piece.TimeStyle.FULL),
            Piece.text(" – "),
            Piece.endTime(start, end, community.zone())));
    if (event.isSeries()) {
      lines.add(
          Line.text(
              messages.get(language, "event.repeats")
                  + " "
                  + RepeatWords.describe(
                      messages,
                      language,
                      event.recurrence(),
                      event.start(),
                      event.end(),
                      community.zone())));
    }
    String place = place(event);
    if (!place.isEmpty()) {
      lines.add(
          Line.of(Piece.text(messages.get(language, "event.where") + " "), Piece.text(place)));
    }
    lines.add(
        Line.text(
            messages.get(language, "event.kind")
                + " "
                + messages.get(
                    language,
                    event.family() == null ? "family.none" : "family." + event.family().key())
                + " · "
                + messages.get(language, "slot." + event.slot().key())));
    if (event.link() != null) {
      lines.add(
          Line.of(
              Piece.text(messages.get(language, "event.link") + " "),
              Piece.link(event.link(), URI.create(event.link()))));
    }
    if (event.description() != null) {
      lines.add(Line.of(Piece.text(event.description())));
    }
    lines.add(Line.of(Piece.text(messages.get(language, "event.ref") + " "), Piece.eventRef(ref)));
    return Block.titled(Line.of(Piece.bold(event.title())), lines);
  }

  static String place(Event event) {
    List<String> parts = new ArrayList<>();
    if (event.venue() != null) {
      parts.add(event.venue());
    }
    if (event.city() != null) {
      parts.add(event.city());
    }
    return String.join(", ", parts);
  }

  /** One button per family, each token being {@code tokenStart} followed by the family's key. */
  static List<Button> familyButtons(Messages messages, Language language, String tokenStart) {
    List<Button> row = new ArrayList<>();
    for (Family family : Family.values()) {
      row.add(
          Button.callback(
              messages.get(language, "family." + family.key()), tokenStart + family.key()));
    }
    return row;
  }

  /**
   * The rows of buttons of a pending suggestion's review card: the four families while it has none
   * ({@code rv:f:<id>:<family>}), then Approve / Reject / Edit ({@code rv:a|r|e:<id>}).
   */
  static List<List<Button>> reviewRows(Messages messages, Language language, Event event) {
    long id = event.id();
    List<Button> decisions =
        List.of(
            Button.callback(messages.get(language, "review.approve"), "rv:a:" + id),
            Button.callback(messages.get(language, "review.reject"), "rv:r:" + id),
            Button.callback(messages.get(language, "review.edit"), "rv:e:" + id));
    if (event.family() != null) {
      return List.of(decisions);
    }
    return List.of(familyButtons(messages, language, "rv:f:" + id + ":"), decisions);
  }

  static Reply newSuggestion(
      Messages messages, Language language, Community community, Event event, ChatUser author) {
    Reply.Builder reply =
        Reply.builder(language.locale())
            .line(
                Piece.text(messages.get(language, "notify.new_suggestion") + " "),
                Piece.text(author.displayName()))
            .block(summary(messages, language, community, event))
            .line(Line.text(messages.get(language, "notify.review_hint")));
    reviewRows(messages, language, event).forEach(reply::buttonRow);
    return reply.build();
  }

  static Reply decision(
      Messages messages,
      Language language,
      Community community,
      Event event,
      String key,
      String reason) {
    Reply.Builder reply =
        Reply.builder(language.locale())
            .line(
                Piece.text(messages.get(language, key) + " "),
                Piece.bold(event.title()),
                Piece.text(" ("),
                Piece.eventRef(Long.toString(event.id())),
                Piece.text(")"));
    if (reason != null) {
      reply.line(Piece.text(messages.get(language, "notify.reason") + " "), Piece.text(reason));
    }
    return reply.build();
  }

  static Reply announcement(
      Messages messages, Language language, Community community, Event event) {
    return Reply.builder(language.locale())
        .line(Line.text(messages.get(language, "notify.announcement")))
        .block(summary(messages, language, community, event))
        .build();
  }
}
