package org.networkeras.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform's own calendar of a server's events (Discord's guild scheduled events), which core
 * mirrors its published events into. An adapter whose platform has one offers it through {@link
 * ChatGateway#scheduledEvents()}. Calls block until the platform answered; implementations are
 * thread-safe and never throw: every failure is an {@link Outcome}.
 */
public interface ScheduledEvents {

  /** Longest name the platform keeps. */
  int MAX_NAME = 100;

  /** Longest description the platform keeps. */
  int MAX_DESCRIPTION = 1000;

  /** Longest location the platform keeps. */
  int MAX_LOCATION = 100;

  /**
   * The permissions the bot lacks to create and manage events on {@code serverId}, as the
   * platform's settings name them ({@code Create Events}, {@code Manage Events}); empty when it has
   * them all.
   */
  List<String> missingPermissions(String serverId);

  /** Creates an event on {@code serverId}; {@link Outcome.Done} carries its id. */
  Outcome create(String serverId, Spec spec);

  /** Changes the event {@code eventId} of {@code serverId} to {@code spec}. */
  Outcome update(String serverId, String eventId, Spec spec);

  /** Cancels the event {@code eventId} of {@code serverId} (it stays listed as cancelled). */
  Outcome cancel(String serverId, String eventId);

  /**
   * The id of an event of {@code serverId} whose description contains {@code marker}, if one is
   * listed: what finds an event created just before a crash that kept the bot from recording it.
   */
  Outcome find(String serverId, String marker);

  /**
   * An event as the platform shows it, its texts cut to the platform's limits.
   *
   * @param name at most {@link #MAX_NAME} characters
   * @param description at most {@link #MAX_DESCRIPTION} characters
   * @param location at most {@link #MAX_LOCATION} characters
   */
  record Spec(String name, String description, String location, Instant start, Instant end) {
    public Spec {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (name.isBlank()
          || name.length() > MAX_NAME
          || description.length() > MAX_DESCRIPTION
          || location.isBlank()
          || location.length() > MAX_LOCATION) {
        throw new IllegalArgumentException(
            "a scheduled event's texts exceed the platform's limits");
      }
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("a scheduled event ends after it starts");
      }
    }
  }

  /** What the platform answered. */
  sealed interface Outcome {

    /**
     * It did it.
     *
     * @param eventId the event's id ({@link #find}: the found one's, or empty if none matched)
     */
    record Done(Optional<String> eventId) implements Outcome {
      public Done {
        Objects.requireNonNull(eventId, "eventId");
      }

      public static Done of(String eventId) {
        return new Done(Optional.of(eventId));
      }

      public static Done none() {
        return new Done(Optional.empty());
      }
    }

    /** The bot lacks a permission (Discord's 403): retrying will not help until it is granted. */
    record MissingPermission(String reason) implements Outcome {
      public MissingPermission {
        Objects.requireNonNull(reason, "reason");
      }
    }

    /** The event is gone on the platform (deleted by someone): it is created anew if needed. */
    record Gone() implements Outcome {}

    /**
     * Any other failure.
     *
     * @param retryable whether trying again later may work (429, 5xx, network)
     * @param retryAfter how long the platform asked to wait, if it did
     */
    record Failed(boolean retryable, String reason, Optional<Duration> retryAfter)
        implements Outcome {
      public Failed {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryAfter, "retryAfter");
      }
    }
  }
}
