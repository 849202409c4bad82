package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Form;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Visibility;

final class ReplyCodecTest {

  @Test
  void roundTripsEveryPieceKindAndTimeStyle() {
    // given
    ZoneId paris = ZoneId.of("Europe/Paris");
    Instant start = Instant.parse("2026-11-27T18:30:00Z");
    Reply.Builder builder =
        Reply.builder(Locale.FRENCH)
            .line(
                Piece.text("Rappel : <b>pas du HTML</b> @everyone "),
                Piece.bold("Meetup Java"),
                Piece.link("programme", URI.create("https://example.org/p?a=1&b=2")),
                Piece.eventRef("42"));
    for (Piece.TimeStyle style : Piece.TimeStyle.values()) {
      builder.line(Piece.time(start, paris, style));
    }
    Reply reply = builder.build();

    // when
    Reply back = ReplyCodec.fromJson(ReplyCodec.toJson(reply));

    // then
    assertThat(back).isEqualTo(reply);
  }

  @Test
  void roundTripsTitledBlocksButtonsVisibilityAndLocale() {
    // given
    Reply reply =
        Reply.builder(Locale.forLanguageTag("fr-CA"))
            .block(Block.titled(Line.text("Ce soir"), List.of(Line.text("a"), Line.of())))
            .block(Block.of(Line.text("b")))
            .buttonRow(
                Button.callback("J'y vais", "rsvp:42:going"),
                Button.link("Carte", URI.create("https://example.org/map")))
            .buttonRow(Button.callback("Plus", "more:2"))
            .privately()
            .build();

    // when
    Reply back = ReplyCodec.fromJson(ReplyCodec.toJson(reply));

    // then
    assertThat(back).isEqualTo(reply);
    assertThat(back.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(back.locale()).isEqualTo(Locale.forLanguageTag("fr-CA"));
    assertThat(back.allButtons().get(1).isLink()).isTrue();
  }

  @Test
  void roundTripsAttachmentsByteForByteAndForms() {
    // given
    byte[] ics =
        "BEGIN:VCALENDAR\r\nX-BYTES:\u00e9\u0000\r\nEND:VCALENDAR\r\n"
            .getBytes(StandardCharsets.UTF_8);
    Form form =
        new Form(
            "suggest",
            "Suggest an event",
            List.of(
                new Form.Field("title", "Title", "", false, true, 100),
                new Form.Field("about", "About", "What happens", true, false, 1000)));
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("Your calendar entry"))
            .attachment(new Attachment("event-42.ics", "text/calendar", ics))
            .form(form)
            .build();

    // when
    Reply back = ReplyCodec.fromJson(ReplyCodec.toJson(reply));

    // then
    assertThat(back).usingRecursiveComparison().isEqualTo(reply);
    assertThat(back.attachments().get(0).content()).isEqualTo(ics);
    assertThat(back.form()).contains(form);
  }

  @Test
  void refusesJsonItDidNotWrite() {
    // when / then
    assertThatThrownBy(() -> ReplyCodec.fromJson("{\"v\":99}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 99");
    assertThatThrownBy(() -> ReplyCodec.fromJson("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
