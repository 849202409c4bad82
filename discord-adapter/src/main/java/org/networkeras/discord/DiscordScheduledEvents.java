package org.networkeras.discord;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.ScheduledEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import org.networkeras.chat.ScheduledEvents;

/**
 * Discord's guild scheduled events through JDA: external events ({@code entity_type} 3) with a
 * location, visible to the server's members ({@code privacy_level} 2); a cancellation sets their
 * status to CANCELED (4), as Discord allows for a scheduled event (it keeps showing, marked
 * cancelled, rather than vanishing). Calls block until Discord answers or the timeout passes, and
 * never wait out a rate limit. Thread-safe; never call it from JDA's event thread.
 */
final class DiscordScheduledEvents implements ScheduledEvents {

  /** As the server's settings name them, in English. */
  static final String CREATE_EVENTS = "Create Events";

  static final String MANAGE_EVENTS = "Manage Events";

  private final DiscordChannels guilds;
  private final Duration timeout;

  DiscordScheduledEvents(DiscordChannels guilds, Duration timeout) {
    this.guilds = Objects.requireNonNull(guilds, "guilds");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Read from the bot's member in JDA's cache (its roles and the server's owner), which the gateway
   * keeps up to date: no call to Discord. Creating needs Create Events (1 << 44); changing and
   * cancelling the events the bot created needs it too, and Manage Events (1 << 33) covers events
   * created by others, which the bot adopts after a crash: both are asked for.
   */
  @Override
  public List<String> missingPermissions(String serverId) {
    Guild guild = guilds.guild(serverId);
    if (guild == null) {
      return List.of();
    }
    Member self = guild.getSelfMember();
    List<String> missing = new ArrayList<>();
    if (!self.hasPermission(Permission.CREATE_SCHEDULED_EVENTS)) {
      missing.add(CREATE_EVENTS);
    }
    if (!self.hasPermission(Permission.MANAGE_EVENTS)) {
      missing.add(MANAGE_EVENTS);
    }
    return missing;
  }

  @Override
  public Outcome create(String serverId, Spec spec) {
    return onGuild(
        serverId,
        guild ->
            call(
                guild
                    .createScheduledEvent(
                        spec.name(), spec.location(), utc(spec.start()), utc(spec.end()))
                    .setDescription(spec.description()),
                created -> Outcome.Done.of(created.getId())));
  }

  @Override
  public Outcome update(String serverId, String eventId, Spec spec) {
    return onGuild(
        serverId,
        guild ->
            call(
                guild
                    .retrieveScheduledEventById(eventId)
                    .flatMap(
                        event -> {
                          var manager =
                              event
                                  .getManager()
                                  .setName(spec.name())
                                  .setDescription(spec.description())
                                  .setLocation(spec.location());
                          // Discord checks the start against the end it holds: move in the order
                          // that never puts the end before the start.
                          if (spec.start().isAfter(event.getEndTime().toInstant())) {
                            manager.setEndTime(utc(spec.end())).setStartTime(utc(spec.start()));
                          } else {
                            manager.setStartTime(utc(spec.start())).setEndTime(utc(spec.end()));
                          }
                          return manager.map(done -> event.getId());
                        }),
                Outcome.Done::of));
  }

  @Override
  public Outcome cancel(String serverId, String eventId) {
    return onGuild(
        serverId,
        guild ->
            call(
                guild
                    .retrieveScheduledEventById(eventId)
                    .flatMap(
                        event ->
                            event
                                .getManager()
                                .setStatus(ScheduledEvent.Status.CANCELED)
                                .map(done -> event.getId())),
                Outcome.Done::of));
  }

  @Override
  public Outcome find(String serverId, String marker) {
    return onGuild(
        serverId,
        guild ->
            call(
                guild.retrieveScheduledEvents(),
                events ->
                    new Outcome.Done(
                        events.stream()
                            .filter(
                                e ->
                                    e.getDescription() != null
                                        && e.getDescription().contains(marker))
                            .map(ScheduledEvent::getId)
                            .findFirst())));
  }

  private Outcome onGuild(String serverId, java.util.function.Function<Guild, Outcome> work) {
    Guild guild = guilds.guild(serverId);
    if (guild == null) {
      return new Outcome.Failed(
          true,
          "server " + serverId + " is not seen by this instance",
          Optional.of(DiscordChatGateway.NOT_HERE_RETRY));
    }
    try {
      return work.apply(guild);
    } catch (InsufficientPermissionException e) {
      return new Outcome.MissingPermission("missing permission " + e.getPermission());
    } catch (IllegalArgumentException e) {
      // JDA's own checks (a start in the past, texts too long): no retry helps
      return new Outcome.Failed(false, "refused by JDA: " + e.getMessage(), Optional.empty());
    }
  }

  private <T> Outcome call(
      RestAction<T> action, java.util.function.Function<T, ? extends Outcome> done) {
    try {
      T answer = action.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete(false);
      return done.apply(answer);
    } catch (RateLimitedException e) {
      return new Outcome.Failed(
          true,
          "rate limited on " + e.getRateLimitedRoute(),
          Optional.of(Duration.ofMillis(e.getRetryAfter())));
    } catch (ErrorResponseException e) {
      return failure(e);
    } catch (InsufficientPermissionException e) {
      return new Outcome.MissingPermission("missing permission " + e.getPermission());
    } catch (IllegalArgumentException e) {
      return new Outcome.Failed(false, "refused by JDA: " + e.getMessage(), Optional.empty());
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof TimeoutException) {
          return new Outcome.Failed(
              true, "no answer from Discord within " + timeout, Optional.empty());
        }
        if (cause instanceof ErrorResponseException error) {
          return failure(error);
        }
      }
      return new Outcome.Failed(true, "could not reach Discord: " + e, Optional.empty());
    }
  }

  /** A 403 is a missing permission; an unknown event is gone; the rest as messages fail. */
  static Outcome failure(ErrorResponseException e) {
    String reason = "Discord error " + e.getErrorCode() + " (" + e.getMeaning() + ")";
    int status = e.getResponse() == null ? -1 : e.getResponse().code;
    if (e.getErrorResponse() == ErrorResponse.UNKNOWN_SCHEDULED_EVENT || status == 404) {
      return new Outcome.Gone();
    }
    if (status == 403
        || e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS
        || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS) {
      return new Outcome.MissingPermission(reason);
    }
    var mapped = DiscordChatGateway.failure(e);
    var failed = (org.networkeras.chat.DeliveryResult.Failed) mapped;
    return new Outcome.Failed(failed.retryable(), failed.reason(), failed.retryAfter());
  }

  private static OffsetDateTime utc(java.time.Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
