package org.networkeras.nativeevents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.networkeras.chat.ScheduledEvents;

/**
 * A platform's calendar of scheduled events kept in memory, recording each call; it can lack
 * permissions (as the bot's role says) or refuse with a 403 while its cache says all is well.
 */
final class RecordingScheduledEvents implements ScheduledEvents {

  /** One event as the platform holds it. */
  record Held(String id, String serverId, Spec spec, boolean cancelled) {}

  private final Map<String, Held> events = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong(900);
  private volatile List<String> missing = List.of();
  private volatile boolean refusing;

  /** From now on the bot's role lacks these permissions. */
  void lack(String... permissions) {
    missing = List.of(permissions);
  }

  /** From now on every call that changes something answers 403. */
  void refuse() {
    refusing = true;
  }

  synchronized List<Held> events() {
    return List.copyOf(events.values());
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Holds an event as a crash left it: created on the platform, never recorded by the bot. */
  synchronized Held hold(String serverId, Spec spec) {
    Held held = new Held(Long.toString(ids.incrementAndGet()), serverId, spec, false);
    events.put(held.id(), held);
    return held;
  }

  @Override
  public List<String> missingPermissions(String serverId) {
    return missing;
  }

  @Override
  public synchronized Outcome create(String serverId, Spec spec) {
    calls.add("create " + spec.name());
    if (refusing) {
      return new Outcome.MissingPermission("403 Missing Permissions");
    }
    return Outcome.Done.of(hold(serverId, spec).id());
  }

  @Override
  public synchronized Outcome update(String serverId, String eventId, Spec spec) {
    calls.add("update " + eventId);
    if (refusing) {
      return new Outcome.MissingPermission("403 Missing Permissions");
    }
    Held held = events.get(eventId);
    if (held == null) {
      return new Outcome.Gone();
    }
    events.put(eventId, new Held(eventId, serverId, spec, held.cancelled()));
    return Outcome.Done.of(eventId);
  }

  @Override
  public synchronized Outcome cancel(String serverId, String eventId) {
    calls.add("cancel " + eventId);
    if (refusing) {
      return new Outcome.MissingPermission("403 Missing Permissions");
    }
    Held held = events.get(eventId);
    if (held == null) {
      return new Outcome.Gone();
    }
    events.put(eventId, new Held(eventId, serverId, held.spec(), true));
    return Outcome.Done.of(eventId);
  }

  @Override
  public synchronized Outcome find(String serverId, String marker) {
    calls.add("find");
    Optional<String> found =
        events.values().stream()
            .filter(e -> e.serverId().equals(serverId) && e.spec().description().contains(marker))
            .map(Held::id)
            .findFirst();
    return new Outcome.Done(found);
  }
}
