package org.networkeras.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real-world shapes of calendar files, read into entries. */
final class FeedReaderTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static String fixture(String name) {
    try (InputStream in = FeedReaderTest.class.getResourceAsStream("/imports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  @Test
  void readsAGoogleExportWithItsSeriesExceptionDateAndOverride() throws Exception {
    // when
    List<FeedReader.Entry> entries = FeedReader.read(fixture("google.ics"), PARIS, 2000);

    // then
    assertThat(entries).hasSize(3);
    FeedReader.Entry apero = entries.get(0);
    assertThat(apero.title()).isEqualTo("Apéro blogueurs");
    assertThat(apero.start()).isEqualTo(paris("2026-12-03T19:00"));
    assertThat(apero.end()).isEqualTo(paris("2026-12-03T22:00"));
    assertThat(apero.location()).isEqualTo("La Cantine, 12 rue Saint-Denis, 75002 Paris, France");
    // a folded line, joined; the alarm's own DESCRIPTION is not the event's
    assertThat(apero.description())
        .isEqualTo(
            "Un apéro entre blogueuses et blogueurs, ouvert à toutes et à tous. Venez avec vos"
                + " idées d'articles et vos questions sur le référencement, la photo et les"
                + " newsletters.");
    FeedReader.Entry series = entries.get(1);
    assertThat(series.rule()).isEqualTo("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261229T225959Z");
    assertThat(series.exceptionDates()).containsExactly(paris("2026-12-15T18:30"));
    FeedReader.Entry override = entries.get(2);
    assertThat(override.uid()).isEqualTo(series.uid());
    assertThat(override.recurrenceDate()).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThat(override.start()).isEqualTo(paris("2026-12-08T19:00"));
  }

  @Test
  void readsOutlooksWindowsZoneNamesAndWholeDays() throws Exception {
    // when
    List<FeedReader.Entry> entries =
        FeedReader.read(fixture("outlook.ics"), ZoneId.of("America/New_York"), 2000);

    // then "Romance Standard Time" is Paris time, whatever the community's zone
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).start()).isEqualTo(paris("2026-12-11T18:30"));
    assertThat(entries.get(0).uid()).endsWith("10000000A1B2C3D4E5F6");
    assertThat(entries.get(0).title()).isEqualTo("Lancement marque Lumière");
    FeedReader.Entry allDay = entries.get(1);
    assertThat(allDay.allDay()).isTrue();
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(allDay.start())
        .isEqualTo(LocalDate.of(2026, 12, 12).atStartOfDay(newYork).toInstant());
    assertThat(allDay.end())
        .isEqualTo(LocalDate.of(2026, 12, 13).atStartOfDay(newYork).toInstant());
  }

  @Test
  void readsUtcTimesCancellationsAndEscapes() throws Exception {
    // when
    List<FeedReader.Entry> luma = FeedReader.read(fixture("luma.ics"), PARIS, 2000);
    List<FeedReader.Entry> meetup = FeedReader.read(fixture("meetup.ics"), PARIS, 2000);

    // then
    assertThat(luma.get(0).start()).isEqualTo(Instant.parse("2026-12-05T14:00:00Z"));
    assertThat(luma.get(0).cancelled()).isFalse();
    assertThat(luma.get(1).cancelled()).isTrue();
    assertThat(meetup.get(0).description()).contains("\n\nRencontrez d'autres entrepreneurs");
    assertThat(meetup.get(0).url())
        .isEqualTo("https://www.meetup.com/paris-networking/events/312345678/");
  }

  @Test
  void floatingTimesAreInTheCommunitysZone() throws Exception {
    // given
    String floating =
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:f@x\nSUMMARY:Floating\n"
            + "DTSTART:20261205T190000\nEND:VEVENT\nEND:VCALENDAR\n";

    // when
    List<FeedReader.Entry> entries = FeedReader.read(floating, PARIS, 2000);

    // then
    assertThat(entries.get(0).start()).isEqualTo(paris("2026-12-05T19:00"));
    assertThat(entries.get(0).end()).isEqualTo(paris("2026-12-05T21:00"));
  }

  @Test
  void zoneIdsBehindPrefixesAndUnknownNamesFallBack() {
    assertThat(FeedReader.zone("/mozilla.org/20070129_1/Europe/Paris", ZoneId.of("UTC")))
        .isEqualTo(PARIS);
    assertThat(FeedReader.zone("W. Europe Standard Time", PARIS))
        .isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(FeedReader.zone("Somewhere Nice", PARIS)).isEqualTo(PARIS);
  }

  @Test
  void aBrokenFileSaysTheLineThatBroke() {
    assertThatThrownBy(() -> FeedReader.read(fixture("malformed.ics"), PARIS, 2000))
        .isInstanceOfSatisfying(
            FeedReader.Malformed.class, broken -> assertThat(broken.line()).isEqualTo(8));
  }

  @Test
  void aWebPageInsteadOfACalendarIsRefusedAtItsFirstLine() {
    assertThatThrownBy(() -> FeedReader.read("<html><body>Not found</body></html>\n", PARIS, 2000))
        .isInstanceOfSatisfying(
            FeedReader.Malformed.class, broken -> assertThat(broken.line()).isEqualTo(1));
  }

  @Test
  void tooManyEntriesAreRefused() {
    assertThatThrownBy(() -> FeedReader.read(fixture("google.ics"), PARIS, 2))
        .isInstanceOf(FeedReader.TooMany.class);
  }
}
