package org.networkeras.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Event;
import org.networkeras.community.Community;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;

/** The feeds communities follow and their entries' links, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class ImportRepositoryTest {

  private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private ImportRepository repository;
  private Community community;
  private Event event;

  @BeforeEach
  void open() {
    database = backend.open(tempDir);
    Chat chat = Chat.on(database);
    community = chat.community("paris-tech");
    event = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    repository = new ImportRepository(database);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void addsAFeedOnceAndListsItWithItsLastFetch() {
    // given
    ImportRepository.Feed feed =
        repository
            .add(community.id(), "https://example.org/a.ics", "console:mona", AT)
            .orElseThrow();

    // when
    boolean again =
        repository.add(community.id(), "https://example.org/a.ics", "console:mona", AT).isPresent();
    repository.fetched(feed.id(), AT.plusSeconds(60), "ok", null, "\"v1\"", "Thu, 26 Nov 2026");
    repository.fetched(feed.id(), AT.plusSeconds(3660), "unchanged", null, null, null);

    // then
    assertThat(again).isFalse();
    List<ImportRepository.Feed> feeds = repository.feeds(community.id());
    assertThat(feeds).hasSize(1);
    ImportRepository.Feed stored = feeds.get(0);
    assertThat(stored.url()).isEqualTo("https://example.org/a.ics");
    assertThat(stored.etag()).isEqualTo("\"v1\"");
    assertThat(stored.lastModified()).isEqualTo("Thu, 26 Nov 2026");
    assertThat(stored.lastFetch()).isEqualTo(AT.plusSeconds(3660));
    assertThat(stored.lastStatus()).isEqualTo("unchanged");
    assertThat(stored.lastError()).isNull();
    assertThat(repository.all()).containsExactly(stored);
  }

  @Test
  void linksEntriesToEventsAndForgetsThemWithTheFeed() {
    // given
    ImportRepository.Feed feed =
        repository
            .add(community.id(), "https://example.org/b.ics", "console:mona", AT)
            .orElseThrow();
    ImportRepository.Key series = new ImportRepository.Key("uid-1@example.org", "");
    ImportRepository.Key date = new ImportRepository.Key("uid-1@example.org", "2026-12-08");

    // when
    repository.link(feed.id(), series, event.id(), "a1");
    repository.link(feed.id(), date, event.id(), "b2");
    repository.link(feed.id(), series, event.id(), "c3");
    Map<ImportRepository.Key, ImportRepository.Link> links = repository.links(feed.id());
    repository.unlink(feed.id(), date);
    Map<ImportRepository.Key, ImportRepository.Link> after = repository.links(feed.id());
    repository.remove(feed.id());

    // then
    assertThat(links)
        .containsEntry(series, new ImportRepository.Link(event.id(), "c3"))
        .containsEntry(date, new ImportRepository.Link(event.id(), "b2"))
        .hasSize(2);
    assertThat(after).containsOnlyKeys(series);
    assertThat(repository.feeds(community.id())).isEmpty();
    assertThat(repository.links(feed.id())).isEmpty();
  }
}
