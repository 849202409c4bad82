package org.networkeras.chat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A typed piece of reply text. Adapters render each kind for their platform and escape every string
 * in it: no piece can carry markup or a mention into a chat.
 */
public sealed interface Piece {

  /** Plain text, shown exactly as given (user-supplied text is always this). */
  record Text(String text) implements Piece {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Text shown with emphasis. */
  record Bold(String text) implements Piece {
    public Bold {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A link with a label; only http and https addresses are allowed. */
  record Link(String label, URI url) implements Piece {
    public Link {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("only http(s) links are allowed: " + url);
      }
    }
  }

  /**
   * A moment in time. Discord renders it as a timestamp shown in each viewer's zone; Telegram and
   * the console render it in {@code zone}, the community's zone.
   */
  record Time(Instant instant, ZoneId zone, TimeStyle style) implements Piece {
    public Time {
      Objects.requireNonNull(instant, "instant");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(style, "style");
    }
  }

  /** A reference to an event people can type ({@code /event 42}). */
  record EventRef(String ref) implements Piece {
    public EventRef {
      Objects.requireNonNull(ref, "ref");
    }
  }

  /** How a {@link Time} piece is shown. */
  enum TimeStyle {
    /** Weekday, date and time of day. */
    FULL,
    /** Time of day only. */
    TIME,
    /** Weekday and date. */
    DATE,
    /** Relative to now ("in 2 hours"). */
    RELATIVE
  }

  static Piece text(String text) {
    return new Text(text);
  }

  static Piece bold(String text) {
    return new Bold(text);
  }

  static Piece link(String label, URI url) {
    return new Link(label, url);
  }

  static Piece time(Instant instant, ZoneId zone, TimeStyle style) {
    return new Time(instant, zone, style);
  }

  /**
   * The end of something that starts at {@code start}: its time alone when it ends on the start's
   * day (at midnight included), else its date and time.
   */
  static Piece endTime(Instant start, Instant end, ZoneId zone) {
    boolean sameDay =
        start.atZone(zone).toLocalDate().equals(end.minusNanos(1).atZone(zone).toLocalDate());
    return time(end, zone, sameDay ? TimeStyle.TIME : TimeStyle.FULL);
  }

  static Piece eventRef(String ref) {
    return new EventRef(ref);
  }
}
