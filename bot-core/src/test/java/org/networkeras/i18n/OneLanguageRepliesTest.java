package org.networkeras.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;

/**
 * Every reply of a member's session is wholly in their language: a representative set of commands
 * (listing, cards, answers, guests, reminders, quiet hours, settings, roles, subscriptions, help,
 * suggestions and the review queue, refusals) is driven through the chat in French, and no word of
 * the other language's list may appear; then the same in English. Commands ({@code /settings}) and
 * the events' own titles are not the bot's words and are left out.
 */
final class OneLanguageRepliesTest {

  /** Words a French reply never needs: they would be English that slipped through. */
  private static final Set<String> ENGLISH =
      Set.of(
          "the",
          "you",
          "your",
          "and",
          "with",
          "going",
          "guest",
          "guests",
          "interested",
          "waiting",
          "moderated",
          "open",
          "default",
          "quiet",
          "ago",
          "seat",
          "seats",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "december",
          "reminders",
          "saved",
          "settings",
          "when",
          "family",
          "slot",
          "city",
          "bloggers",
          "promotional",
          "common_interest",
          "suggestion",
          "suggestions",
          "approve",
          "reject",
          "edit",
          "none",
          "here",
          "off");

  /** Words an English reply never needs. */
  private static final Set<String> FRENCH =
      Set.of(
          "le",
          "la",
          "les",
          "vous",
          "votre",
          "vos",
          "avec",
          "invité",
          "invités",
          "intéressé",
          "rappels",
          "aucun",
          "défaut",
          "calme",
          "lundi",
          "mardi",
          "mercredi",
          "jeudi",
          "vendredi",
          "samedi",
          "dimanche",
          "décembre",
          "novembre",
          "enregistré",
          "modéré",
          "ouvert",
          "quand",
          "famille",
          "créneau",
          "ville",
          "il",
          "dans",
          "proposition",
          "propositions",
          "ici");

  /** A command typed as a word after a slash, and a quoted phrase the member typed. */
  private static final Pattern NOT_OURS = Pattern.compile("/[a-z_]+|«[^»]*»|“[^”]*”|\"[^\"]*\"");

  private static final Pattern WORD = Pattern.compile("[\\p{L}_]+");

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = TestDatabases.Backend.SQLITE.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aFrenchSessionReadsNoEnglishWord() {
    // given
    List<String> replies = session(Locale.FRENCH, "fr");

    // when
    Set<String> found = wordsFrom(replies, ENGLISH);

    // then
    assertThat(found).as(String.join("\n----\n", replies)).isEmpty();
    assertThat(String.join("\n", replies))
        .contains("Vos rappels : 1 j, 2 h.")
        .contains("Avec 2 invités.")
        .contains("mardi 1er décembre")
        .contains("Enregistré : Mode de modération (mode) : ouvert")
        .contains("/events [quand] [famille] [créneau] [ville]");
  }

  @Test
  void anEnglishSessionReadsNoFrenchWord() {
    // given
    List<String> replies = session(Locale.ENGLISH, "en");

    // when
    Set<String> found = wordsFrom(replies, FRENCH);

    // then
    assertThat(found).as(String.join("\n----\n", replies)).isEmpty();
    assertThat(String.join("\n", replies))
        .contains("Your reminders: 1d, 2h.")
        .contains("With 2 guests.")
        .contains("Saved: Moderation mode (mode): open")
        .contains("/events [when] [family] [slot] [city]");
  }

  /** Every reply of one session in a language, with a member, a moderator and an admin. */
  private List<String> session(Locale locale, String language) {
    Chat.Member admin = chat.as("ada").withRole(Role.ADMIN).withLocale(locale).in("paris-tech");
    Chat.Member mona = chat.as("mona").withRole(Role.MODERATOR).withLocale(locale).in("paris-tech");
    Chat.Member member = chat.as("amelie").withLocale(locale).in("paris-tech");
    String ref =
        Long.toString(Events.publish(chat, "paris-tech", "Meetup", "2026-12-01T19:00").id());
    String other =
        Long.toString(Events.publish(chat, "paris-tech", "Barcamp", "2026-12-03T09:00").id());
    List<String> replies = new ArrayList<>();
    replies.add(admin.send("/settings language " + language).text());
    for (String line :
        List.of(
            "/start",
            "/help",
            "/help events",
            "/guide",
            "/guide bloggers",
            "/events",
            "/event " + ref,
            "/going " + ref + " +2",
            "/going " + ref + " +5",
            "/interested " + other,
            "/event " + ref,
            "/mine",
            "/reminders",
            "/reminders 1d 2h",
            "/reminders quiet 22h-8h",
            "/remind " + ref + " 1h10",
            "/remind " + ref + " 1x",
            "/subscribe bloggers",
            "/subscriptions",
            "/unsubscribe all",
            "/visible on",
            "/visible",
            "/visible peut-être",
            "fr".equals(language) ? "/visible non" : "/visible off",
            "/visible",
            "/notgoing " + other,
            "/events " + ref,
            "/foryou",
            "fr".equals(language) ? "/when vendredi prochain" : "/when next friday",
            "fr".equals(language)
                ? "/when un jeudi sur deux à 19h jusqu’au 17 décembre"
                : "/when every other Thursday 7pm until 17 December",
            "fr".equals(language)
                ? "/suggest Atelier Java | tous les premiers mardis du mois de 8h30 à 10h | La"
                    + " Cantine, Paris"
                : "/suggest Atelier Java | every first Tuesday of the month 8:30-10am | La"
                    + " Cantine, Paris",
            "/suggest Atelier Java " + ("fr".equals(language) ? "samedi 15h" : "saturday 3pm"))) {
      replies.add(member.send(line).text());
    }
    replies.add(mona.send("/review").text());
    replies.add(mona.send("/capacity " + ref + " 10 1").text());
    replies.add(mona.send("/capacity " + ref + " beaucoup").text());
    replies.add(mona.send("/capacity " + ref + " 99999999").text());
    replies.add(
        mona.send("/capacity " + ref + " " + ("fr".equals(language) ? "aucune" : "off")).text());
    replies.add(mona.send("/log").text());
    for (String line :
        List.of(
            "/settings",
            "/settings mode " + ("fr".equals(language) ? "ouvert" : "open"),
            "/settings mode nimporte",
            "/settings announce nimporte",
            "/settings agenda nimporte",
            "/settings reminders " + ("fr".equals(language) ? "1j 2h" : "1d 2h"),
            "/settings agenda " + ("fr".equals(language) ? "lundi 9h30" : "monday 9:30"),
            "fr".equals(language)
                ? "/settings modérateur ajouter mona"
                : "/settings moderator add mona",
            "/settings ville Lyon",
            "/settings web " + ("fr".equals(language) ? "oui" : "on"),
            "/settings web " + ("fr".equals(language) ? "peut-être" : "maybe"),
            "/settings discord-events " + ("fr".equals(language) ? "oui" : "on"),
            "/settings " + ("fr".equals(language) ? "événements-discord" : "discord-events") + " ?",
            "/settings",
            "/log",
            "fr".equals(language) ? "/import liste" : "/import list",
            "/import nimporte",
            "/import ftp://exemple.org/agenda.ics",
            "fr".equals(language) ? "/import retirer 2" : "/import remove 2",
            "fr".equals(language) ? "/import retirer deux" : "/import remove two")) {
      replies.add(admin.send(line).text());
    }
    return replies;
  }

  private static Set<String> wordsFrom(List<String> replies, Set<String> forbidden) {
    Set<String> found = new TreeSet<>();
    for (String reply : replies) {
      String ours = NOT_OURS.matcher(reply).replaceAll(" ");
      for (String title : List.of("Meetup", "Barcamp", "Atelier Java", "La Cantine")) {
        ours = ours.replace(title, " ");
      }
      Matcher words = WORD.matcher(ours.toLowerCase(Locale.ROOT));
      while (words.find()) {
        if (forbidden.contains(words.group())) {
          found.add(words.group());
        }
      }
    }
    return found;
  }
}
