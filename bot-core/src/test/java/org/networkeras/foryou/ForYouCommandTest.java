package org.networkeras.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * {@code /foryou} through the chat: subscriptions and past events change the order and the reasons,
 * what is answered, cancelled or started stays out, and a newcomer gets the popular events with a
 * hint.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class ForYouCommandTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private Event publish(String title, Family family, String city, String start, String... tags) {
    Instant begins = LocalDateTime.parse(start).atZone(Chat.PARIS).toInstant();
    Instant ends = begins.plus(Duration.ofHours(2));
    Instant now = chat.clock().instant();
    return chat.wiring()
        .catalog()
        .add(
            new Event(
                0,
                chat.community("paris-tech").id(),
                title,
                family,
                Slot.derive(begins, ends, Chat.PARIS),
                city,
                null,
                null,
                begins,
                ends,
                null,
                null,
                null,
                List.of(tags),
                Admission.FREE,
                EventStatus.PUBLISHED,
                "suggestion",
                null,
                null,
                now,
                now));
  }

  private void going(String member, Event event) {
    chat.as(member).in("paris-tech").send("/going " + event.id());
  }

  /** The titles in the order {@code /foryou} lists them. */
  private static List<String> order(String text, String... titles) {
    return java.util.Arrays.stream(titles)
        .filter(text::contains)
        .sorted(java.util.Comparator.comparingInt(text::indexOf))
        .toList();
  }

  @Test
  void picksWhatTheMemberWentToBeforeWhatIsSooner() {
    // given: alice goes to two barcamps, which then take place
    going(
        "alice",
        publish("Barcamp Rennes", Family.COMMON_INTEREST, "Rennes", "2026-11-27T10:00", "barcamp"));
    going(
        "alice",
        publish("Barcamp Nantes", Family.COMMON_INTEREST, "Nantes", "2026-11-28T10:00", "barcamp"));
    chat.advance(Duration.ofDays(3)); // Sunday 29 November, 10:00
    publish("Blog night", Family.BLOGGERS, "Paris", "2026-11-30T19:00");
    publish("Barcamp Lyon", Family.COMMON_INTEREST, "Lyon", "2026-12-19T10:00", "barcamp");

    // when
    String text = alice.send("/foryou").text();

    // then
    assertThat(order(text, "Barcamp Lyon", "Blog night"))
        .containsExactly("Barcamp Lyon", "Blog night");
    assertThat(text)
        .contains("Picked for you:")
        .contains("you went to 2 events tagged #barcamp")
        .contains("tomorrow")
        .doesNotContain("Barcamp Rennes")
        .doesNotContain("/subscribe");
  }

  @Test
  void putsWhatTheMemberFollowsFirst() {
    // given
    publish("Blog night", Family.BLOGGERS, "Paris", "2026-11-26T19:00");
    publish("Business apéro", Family.NETWORKING, "Paris", "2026-12-17T19:00");
    String before = alice.send("/foryou").text();

    // when
    alice.send("/subscribe networking");
    String after = alice.send("/foryou").text();

    // then
    assertThat(order(before, "Blog night", "Business apéro"))
        .containsExactly("Blog night", "Business apéro");
    assertThat(before).contains("tonight");
    assertThat(order(after, "Blog night", "Business apéro"))
        .containsExactly("Business apéro", "Blog night");
    assertThat(after).contains("you follow Networking").contains("Picked for you:");
  }

  @Test
  void leavesOutAnsweredCancelledAndStartedEvents() {
    // given
    Event goingTo = publish("Going there", Family.BLOGGERS, "Paris", "2026-11-28T19:00");
    Event notGoingTo = publish("Not for me", Family.BLOGGERS, "Paris", "2026-11-28T19:00");
    Event maybe = publish("Maybe", Family.BLOGGERS, "Paris", "2026-11-29T19:00");
    Event cancelled = publish("Called off", Family.BLOGGERS, "Paris", "2026-11-30T19:00");
    publish("Breakfast now", Family.NETWORKING, "Paris", "2026-11-26T09:30");
    going("alice", goingTo);
    alice.send("/notgoing " + notGoingTo.id());
    alice.send("/interested " + maybe.id());
    chat.wiring()
        .catalog()
        .update(cancelled.withStatus(EventStatus.CANCELLED, chat.clock().instant()));

    // when
    Chat.Said said = alice.send("/foryou");

    // then
    assertThat(said.text())
        .contains("Maybe")
        .doesNotContain("Going there")
        .doesNotContain("Not for me")
        .doesNotContain("Called off")
        .doesNotContain("Breakfast now");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void showsAtMostFiveEvents() {
    // given
    for (int day = 1; day <= 8; day++) {
      publish("Meetup " + day, Family.BLOGGERS, "Paris", "2026-12-0" + day + "T19:00");
    }

    // when
    String text = alice.send("/foryou").text();

    // then
    assertThat(text.split("↳", -1)).hasSize(6);
    assertThat(text).contains("Meetup 5").doesNotContain("Meetup 6");
  }

  @Test
  void givesANewcomerThePopularEventsAndAHint() {
    // given
    publish("Quiet meetup", Family.BLOGGERS, "Paris", "2026-11-27T19:00");
    Event crowded = publish("Crowded apéro", Family.NETWORKING, "Paris", "2026-12-03T19:00");
    for (String member : List.of("bob", "carol", "dan", "eve", "fred", "gus")) {
      going(member, crowded);
    }

    // when
    String text = alice.send("/foryou").text();

    // then
    assertThat(text)
        .contains("here is what’s popular and coming soon")
        .contains("popular: 6 going")
        .contains("/subscribe");
    assertThat(order(text, "Crowded apéro", "Quiet meetup"))
        .containsExactly("Crowded apéro", "Quiet meetup");
  }

  @Test
  void answersInFrench() {
    // given
    Chat.Member amelie = chat.as("amelie").withLocale(Locale.FRENCH).in("paris-tech");
    publish("Soirée blog", Family.BLOGGERS, "Paris", "2026-11-26T19:00");
    amelie.send("/subscribe blogueurs");

    // when
    String text = amelie.send("/foryou").text();

    // then
    assertThat(text).contains("Choisis pour vous :").contains("vous suivez Blogueurs");
    assertThat(chat.as("yves").withLocale(Locale.FRENCH).in("paris-tech").send("/foryou").text())
        .contains("voici ce qui est populaire et proche")
        .contains("ce soir")
        .contains("/subscribe");
  }

  @Test
  void saysSoWhenNothingIsLeftToRecommend() {
    // when
    String text = alice.send("/foryou").text();

    // then
    assertThat(text).contains("Nothing is coming up in the next 30 days");
  }

  @Test
  void picksASeriesOnceAtItsNextDate() {
    // given: the sample catalog, and a member who follows Lille, whose two weekly series would
    // otherwise take four of the five picks
    chat.withStarterCatalog("paris-tech");
    alice.send("/subscribe Lille");

    // when
    String text = alice.send("/foryou").text();

    // then
    assertThat(text.split("Petit-déj entrepreneurs Lille", -1)).hasSize(2);
    assertThat(text.split("Afterwork Lille", -1)).hasSize(2);
    assertThat(text)
        .contains("Tuesday 1 December 08:30 · Petit-déj entrepreneurs Lille (sample)")
        .contains("Wednesday 2 December 18:30 · Afterwork Lille (sample)")
        .contains("Soirée Analytics Lille (sample)");
    assertThat(text.split("↳", -1)).hasSize(6);
  }

  @Test
  void picksASeriesOnceInFrenchToo() {
    // given
    chat.withStarterCatalog("paris-tech");
    Chat.Member amelie = chat.as("amelie").withLocale(Locale.FRENCH).in("paris-tech");
    amelie.send("/subscribe Lille");

    // when
    String text = amelie.send("/foryou").text();

    // then
    assertThat(text.split("Petit-déj entrepreneurs Lille", -1)).hasSize(2);
    assertThat(text)
        .contains("mardi 1er décembre 08h30 · Petit-déj entrepreneurs Lille (sample)")
        .contains("vous suivez Lille");
  }

  @Test
  void neverOffersAnEventAlreadyUnderWay() {
    // given: Thursday 19:15, the sample meetup runs 19:00–21:30
    chat.withStarterCatalog("paris-tech");
    chat.advance(Duration.ofMinutes(9 * 60 + 15));

    // when
    String text = alice.send("/foryou").text();

    // then: /events lists it as under way; /foryou is for what one can still plan to go to
    assertThat(text).doesNotContain("Meetup Java & Café (sample)");
  }
}
