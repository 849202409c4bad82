package org.networkeras.agenda;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.store.Database;

/** Stores communities' agenda schedules ({@code agenda_settings}). Thread-safe. */
final class AgendaRepository {

  private final Database database;

  AgendaRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** The schedule a community chose, or empty if it never chose one. */
  Optional<AgendaSchedule> find(long communityId) {
    return database.withHandle(
        "read the agenda of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT enabled, day_of_week, minute_of_day FROM agenda_settings"
                        + " WHERE community_id = :id")
                .bind("id", communityId)
                .map(
                    (rs, ctx) ->
                        new AgendaSchedule(
                            rs.getInt("enabled") == 1
                                ? AgendaSchedule.State.ON
                                : AgendaSchedule.State.OFF,
                            DayOfWeek.of(rs.getInt("day_of_week")),
                            LocalTime.ofSecondOfDay(rs.getInt("minute_of_day") * 60L)))
                .findOne());
  }

  /** Stores a chosen schedule (on or off). */
  void save(long communityId, AgendaSchedule schedule) {
    if (schedule.state() == AgendaSchedule.State.AUTO) {
      throw new IllegalArgumentException("a chosen agenda is on or off");
    }
    database.useHandle(
        "save the agenda of community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO agenda_settings (community_id, enabled, day_of_week,
                        minute_of_day)
                    VALUES (:id, :enabled, :day, :minute)
                    ON CONFLICT (community_id) DO UPDATE SET enabled = excluded.enabled,
                        day_of_week = excluded.day_of_week,
                        minute_of_day = excluded.minute_of_day
                    """)
                .bind("id", communityId)
                .bind("enabled", schedule.state() == AgendaSchedule.State.ON ? 1 : 0)
                .bind("day", schedule.day().getValue())
                .bind("minute", schedule.time().toSecondOfDay() / 60)
                .execute());
  }

  /** Turns the agenda on or off alone: a new row gets the default day and time. */
  void setEnabled(long communityId, boolean on) {
    database.useHandle(
        "turn the agenda of community " + communityId + (on ? " on" : " off"),
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO agenda_settings (community_id, enabled, day_of_week,
                        minute_of_day)
                    VALUES (:id, :enabled, :day, :minute)
                    ON CONFLICT (community_id) DO UPDATE SET enabled = excluded.enabled
                    """)
                .bind("id", communityId)
                .bind("enabled", on ? 1 : 0)
                .bind("day", AgendaSchedule.DEFAULT.day().getValue())
                .bind("minute", AgendaSchedule.DEFAULT.time().toSecondOfDay() / 60)
                .execute());
  }

  /** The communities with at least one announcement conversation: those an agenda may post to. */
  List<Long> communitiesWithAnnouncements() {
    return database.withHandle(
        "list the communities with announcement conversations",
        handle ->
            handle
                .createQuery(
                    "SELECT DISTINCT community_id FROM community_announcements"
                        + " ORDER BY community_id")
                .mapTo(Long.class)
                .list());
  }
}
