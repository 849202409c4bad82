package org.networkeras.web.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.chat.Role;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.testing.Chat;
import org.networkeras.web.Http;

/** The public agenda over HTTP, on a free port, over the starter catalog on SQLite. */
final class AgendaRoutesTest {

  @TempDir Path tempDir;
  private AgendaFixture web;

  @BeforeEach
  void start() {
    web = new AgendaFixture(tempDir);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void listsTheNext30DaysGroupedByDayInTheCommunitysZone() {
    // when
    HttpResponse<String> page = get(web.agenda());

    // then
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("<h1>Agenda of paris-tech</h1>")
        .contains("From Thursday 26 November to Saturday 26 December")
        .contains("<h3 id=\"day-2026-11-26\">Thursday 26 November</h3>")
        .contains("<h3 id=\"day-2026-12-25\">Friday 25 December</h3>")
        .doesNotContain("day-2026-12-27")
        .contains("Meetup Java &amp; Café (sample)")
        .contains("<time datetime=\"2026-11-26T19:00+01:00\">19:00</time>");
  }

  @Test
  void filtersByFamilySlotAndCity() {
    // when
    String bloggers = get(web.agenda() + "?family=bloggers").body();
    String lille = get(web.agenda() + "?city=Lille&slot=evening").body();

    // then
    assertThat(bloggers)
        .contains("Apéro blogueurs (sample)")
        .doesNotContain("OpenCoffee (sample)")
        .contains("<option value=\"bloggers\" selected>Bloggers</option>");
    assertThat(lille)
        .contains("Afterwork Lille (sample)")
        .doesNotContain("Petit-déj entrepreneurs Lille (sample)")
        .doesNotContain("Apéro blogueurs (sample)");
  }

  @Test
  void resolvesTheTimePhraseAsEventsDoesAndShowsARefusalAsAMessage() {
    // when
    String weekend = get(web.agenda() + "?when=" + encode("ce week-end")).body();
    HttpResponse<String> refused = get(web.agenda() + "?when=" + encode("au mois de smaedi"));

    // then
    assertThat(weekend)
        .contains("Barcamp du samedi (sample)")
        .contains("day-2026-11-28")
        .doesNotContain("day-2026-11-27")
        .doesNotContain("day-2026-11-30");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("role=\"alert\"")
        .contains("I could not use the time phrase:")
        .contains("smaedi")
        .contains("day-2026-12-21");
  }

  @Test
  void showsAnEventWithItsTimePlaceMapCountsAndTheFourFamilies() {
    // given
    Event event =
        web.add(
            "Apéro <b>web</b>",
            Family.BLOGGERS,
            "Paris",
            "2026-12-03T19:00",
            EventStatus.PUBLISHED);
    String ref = Long.toString(event.id());
    Chat.Member alice = web.chat.as("alice").in(AgendaFixture.CHAT);
    alice.send("/visible on");
    alice.send("/going " + ref);
    web.chat.as("bob").in(AgendaFixture.CHAT).send("/going " + ref);
    web.chat.as("carol").in(AgendaFixture.CHAT).send("/interested " + ref);
    Messages messages = Messages.load();

    // when
    HttpResponse<String> page = get(web.agenda() + "/events/" + ref);

    // then
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1 id=\"event-title\">Apéro &lt;b&gt;web&lt;/b&gt;</h1>")
        .contains("Thursday 3 December, 19:00 – 21:00")
        .contains("datetime=\"2026-12-03T19:00+01:00\"")
        .contains("Le Comptoir, 3 rue des Tests, Paris")
        .contains(
            "https://www.openstreetmap.org/search?query=Le+Comptoir%2C+3+rue+des+Tests%2C+Paris")
        .contains("2 people going · 1 person interested")
        .contains("Going and happy to say so: alice")
        .doesNotContain("bob")
        .doesNotContain("carol");
    for (Family family : Family.values()) {
      assertThat(page.body())
          .contains(html(messages.get(Language.EN, "guide." + family.key() + ".upsides")))
          .contains(html(messages.get(Language.EN, "guide." + family.key() + ".downsides")));
    }
  }

  @Test
  void showsNothingPendingOrRejected() {
    // given
    Event suggested =
        web.add(
            "Soirée en attente",
            Family.NETWORKING,
            "Paris",
            "2026-12-01T19:00",
            EventStatus.SUGGESTED);
    Event rejected =
        web.add(
            "Soirée refusée", Family.NETWORKING, "Paris", "2026-12-02T19:00", EventStatus.REJECTED);
    web.chat.as("mona").in(AgendaFixture.CHAT).send("/suggest Apéro caché | samedi 19h | Paris");

    // when
    String agenda = get(web.agenda()).body();

    // then
    assertThat(agenda)
        .doesNotContain("Soirée en attente")
        .doesNotContain("Soirée refusée")
        .doesNotContain("Apéro caché");
    assertThat(get(web.agenda() + "/events/" + suggested.id()).statusCode()).isEqualTo(404);
    assertThat(get(web.agenda() + "/events/" + rejected.id()).statusCode()).isEqualTo(404);
  }

  @Test
  void answers404ForAnUnknownSlugAPageTurnedOffAndAnotherCommunitysEvent() {
    // given
    Event elsewhere =
        web.add("Ailleurs", Family.NETWORKING, "Lyon", "2026-12-01T19:00", EventStatus.PUBLISHED);
    Chat.Member lyonAdmin = web.chat.as("leo").withRole(Role.ADMIN).in("lyon-tech");
    lyonAdmin.send("/settings web on");
    String lyon = web.chat.wiring().pages().slug(web.chat.community("lyon-tech")).orElseThrow();
    String ref = Long.toString(elsewhere.id());

    // when
    int unknown = get("/w/not-a-slug-at-all").statusCode();
    int crossed = get("/w/" + lyon + "/events/" + ref).statusCode();
    int chatId = get("/w/" + web.community().id()).statusCode();
    web.admin.send("/settings web off");
    HttpResponse<String> off = get(web.agenda());
    int offEvent = get(web.agenda() + "/events/" + ref).statusCode();
    Event own =
        web.add("Chez nous", Family.NETWORKING, "Paris", "2026-12-01T19:00", EventStatus.PUBLISHED);
    int offOwnEvent = get(web.agenda() + "/events/" + own.id()).statusCode();
    int offOwnFile = get(web.agenda() + "/events/" + own.id() + ".ics").statusCode();

    // then
    assertThat(unknown).isEqualTo(404);
    assertThat(crossed).isEqualTo(404);
    assertThat(chatId).isEqualTo(404);
    assertThat(off.statusCode()).isEqualTo(404);
    assertThat(off.body()).contains("Page not found").doesNotContain("sample");
    assertThat(offEvent).isEqualTo(404);
    assertThat(offOwnEvent).isEqualTo(404);
    assertThat(offOwnFile).isEqualTo(404);
  }

  @Test
  void speaksTheBrowsersLanguageAndRemembersTheSwitch() {
    // when
    HttpResponse<String> french = get(web.agenda(), "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5");
    HttpResponse<String> switched =
        get(web.agenda() + "?lang=en", "Accept-Language", "fr-CA,fr;q=0.9");
    HttpResponse<String> remembered =
        get(web.agenda(), "Accept-Language", "fr", "Cookie", "nw_lang=en");
    HttpResponse<String> other = get(web.agenda(), "Accept-Language", "de-DE,fr;q=0.4");

    // then
    assertThat(french.body())
        .contains("<html lang=\"fr\">")
        .contains("<h1>Agenda de paris-tech</h1>")
        .contains("Du jeudi 26 novembre au samedi 26 décembre")
        .contains("<time datetime=\"2026-11-26T19:00+01:00\">19h00</time>")
        .contains("hreflang=\"en\"");
    assertThat(switched.body()).contains("<html lang=\"en\">");
    assertThat(switched.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(cookie -> assertThat(cookie).startsWith("nw_lang=en;"));
    assertThat(remembered.body()).contains("<html lang=\"en\">");
    assertThat(other.body()).contains("<html lang=\"fr\">");
  }

  @Test
  void givesOpenGraphTagsForALinkPastedInAChat() {
    // given
    Event event =
        web.add("Apéro web", Family.BLOGGERS, "Paris", "2026-12-03T19:00", EventStatus.PUBLISHED);

    // when
    String agenda = get(web.agenda()).body();
    String page = get(web.agenda() + "/events/" + event.id()).body();

    // then
    String address = "http://127.0.0.1:" + web.port() + web.agenda();
    assertThat(agenda)
        .contains("<meta property=\"og:title\" content=\"Agenda of paris-tech\">")
        .contains("<meta property=\"og:url\" content=\"" + address + "\">")
        .contains("<meta property=\"og:type\" content=\"website\">");
    assertThat(page)
        .contains("<meta property=\"og:title\" content=\"Apéro web\">")
        .contains(
            "<meta property=\"og:url\" content=\"" + address + "/events/" + event.id() + "\">")
        .contains(
            "<meta property=\"og:description\" content=\"Thursday 3 December, 19:00 – 21:00 ·");
    String image = "http://127.0.0.1:" + web.port() + "/w/assets/preview.png";
    for (String html : new String[] {agenda, page}) {
      assertThat(html)
          .contains("<meta property=\"og:image\" content=\"" + image + "\">")
          .contains("<meta property=\"og:image:width\" content=\"1200\">")
          .contains("<meta property=\"og:image:height\" content=\"630\">")
          .contains("<meta property=\"og:image:alt\" content=\"A blue calendar page")
          .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");
    }
    assertThat(page).contains("<meta property=\"og:type\" content=\"article\">");
    assertThat(get(web.agenda(), "Accept-Language", "fr").body())
        .contains("<meta property=\"og:image:alt\" content=\"Une page de calendrier bleue")
        .contains("<meta property=\"og:locale\" content=\"fr_FR\">");
  }

  @Test
  void servesThePreviewPictureAsAPngOfTheSizeTheTagsSay() throws Exception {
    // when
    HttpResponse<byte[]> png = Http.getBytes(web.port(), "/w/assets/preview.png");

    // then
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(630);
  }

  @Test
  void showsAChangeMadeInTheChatOnTheNextRequestDespiteTheCache() {
    // given
    Event event =
        web.add("Apéro web", Family.BLOGGERS, "Paris", "2026-12-03T19:00", EventStatus.PUBLISHED);
    String ref = Long.toString(event.id());
    Chat.Member alice = web.chat.as("alice").in(AgendaFixture.CHAT);
    alice.send("/visible on");
    alice.send("/going " + ref);
    String eventPage = web.agenda() + "/events/" + ref;
    String before = get(eventPage).body();
    String agendaBefore = get(web.agenda()).body();

    // when
    alice.send("/visible off");
    String hidden = get(eventPage).body();
    web.chat.as("bob").in(AgendaFixture.CHAT).send("/going " + ref);
    String counted = get(eventPage).body();
    web.add(
        "Soirée ajoutée", Family.NETWORKING, "Paris", "2026-12-04T19:00", EventStatus.PUBLISHED);
    String agendaAfter = get(web.agenda()).body();

    // then
    assertThat(before).contains("Going and happy to say so: alice").contains("1 person going");
    assertThat(hidden).doesNotContain("alice").contains("1 person going");
    assertThat(counted).doesNotContain("alice").doesNotContain("bob").contains("2 people going");
    assertThat(agendaBefore).doesNotContain("Soirée ajoutée");
    assertThat(agendaAfter).contains("Soirée ajoutée");
  }

  @Test
  void answersNotModifiedToABrowserHoldingTheSamePage() {
    // given
    HttpResponse<String> first = get(web.agenda());
    String etag = first.headers().firstValue("ETag").orElseThrow();

    // when
    HttpResponse<String> again = get(web.agenda(), "If-None-Match", etag);
    web.add(
        "Soirée ajoutée", Family.NETWORKING, "Paris", "2026-12-04T19:00", EventStatus.PUBLISHED);
    HttpResponse<String> changed = get(web.agenda(), "If-None-Match", etag);

    // then
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).contains("Soirée ajoutée");
    assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
  }

  @Test
  void servesItsStyleSheetAndPagesThatNeedNoScript() {
    // when
    HttpResponse<String> css = get("/w/assets/agenda.css");
    String agenda = get(web.agenda()).body();

    // then
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(":focus-visible");
    assertThat(agenda)
        .doesNotContain("<script")
        .contains("<main id=\"main\"")
        .contains("<header")
        .contains("<footer")
        .contains("<label for=\"when\">When</label>")
        .contains("<form method=\"get\"");
  }

  private HttpResponse<String> get(String path, String... headers) {
    return Http.get(web.port(), path, headers);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&#34;")
        .replace("'", "&#39;");
  }
}
