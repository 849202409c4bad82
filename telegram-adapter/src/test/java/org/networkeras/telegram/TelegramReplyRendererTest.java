package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.TimeText;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

final class TelegramReplyRendererTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final TelegramReplyRenderer renderer = new TelegramReplyRenderer(clock);

  @Test
  void escapesHostileTitlesAndDefusesMentions() {
    // given
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .block(
                Block.titled(
                    Line.text("<script>alert(1)</script> & @everyone"),
                    List.of(Line.of(Piece.text("Bring \"snacks\" <b>now</b> @admin_team")))))
            .build();

    // when
    String text = single(renderer.messages("42", reply)).getText();

    // then
    assertThat(text)
        .isEqualTo(
            "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; @\u2060everyone</b>\n"
                + "Bring &quot;snacks&quot; &lt;b&gt;now&lt;/b&gt; @\u2060admin_team");
  }

  @Test
  void leavesEmailAddressesAndCommandsReadable() {
    // given
    Reply reply = Reply.text(Locale.ENGLISH, "Write to team@example.org or type /events");

    // when
    String text = single(renderer.messages("42", reply)).getText();

    // then
    assertThat(text).isEqualTo("Write to team@example.org or type /events");
  }

  @Test
  void rendersBoldLinksTimesAndEventReferences() {
    // given
    Instant start = Instant.parse("2026-01-02T18:30:00Z");
    Piece.Time time = new Piece.Time(start, ZoneId.of("Europe/Paris"), Piece.TimeStyle.FULL);
    Reply reply =
        Reply.builder(Locale.FRENCH)
            .line(
                Piece.bold("Jeux <de> société"),
                Piece.text(" — "),
                time,
                Piece.text(" "),
                Piece.eventRef("42"),
                Piece.text(" "),
                Piece.link(
                    "plan & accès",
                    URI.create("https://example.org/map?a=1&b=\"2\"".replace("\"", "%22"))))
            .build();

    // when
    String text = single(renderer.messages("42", reply)).getText();

    // then
    assertThat(text)
        .isEqualTo(
            "<b>Jeux &lt;de&gt; société</b> — "
                + TimeText.format(time, Locale.FRENCH, clock.instant())
                + " <code>42</code> "
                + "<a href=\"https://example.org/map?a=1&amp;b=%222%22\">plan &amp; accès</a>");
  }

  @Test
  void separatesBlocksWithABlankLineAndTurnsLinkPreviewsOff() {
    // given
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("first"))
            .block(Block.titled(Line.text("Title"), List.of(Line.text("second"))))
            .build();

    // when
    SendMessage message = single(renderer.messages("-100", reply));

    // then
    assertThat(message.getText()).isEqualTo("first\n\n<b>Title</b>\nsecond");
    assertThat(message.getLinkPreviewOptions().getIsDisabled()).isTrue();
    assertThat(message.getChatId()).isEqualTo("-100");
  }

  @Test
  void buildsAnInlineKeyboardFromButtonRows() {
    // given
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("Board games night"))
            .buttonRow(
                Button.callback("Going", "rsvp:42:yes"), Button.callback("Not going", "rsvp:42:no"))
            .buttonRow(Button.link("Map", URI.create("https://example.org/map")))
            .build();

    // when
    InlineKeyboardMarkup keyboard =
        (InlineKeyboardMarkup) single(renderer.messages("42", reply)).getReplyMarkup();

    // then
    assertThat(keyboard.getKeyboard()).hasSize(2);
    assertThat(keyboard.getKeyboard().get(0))
        .extracting(InlineKeyboardButton::getText, InlineKeyboardButton::getCallbackData)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Going", "rsvp:42:yes"),
            org.assertj.core.groups.Tuple.tuple("Not going", "rsvp:42:no"));
    assertThat(keyboard.getKeyboard().get(1).get(0).getUrl()).isEqualTo("https://example.org/map");
  }

  @Test
  void splitsALongMessageOnLineBoundariesWithTheKeyboardOnTheLastPart() {
    // given
    Reply.Builder builder = Reply.builder(Locale.ENGLISH);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String line = "Event number " + i + " & friends <meetup> at the usual place";
      lines.add(TelegramHtml.text(line));
      builder.line(Line.text(line));
    }
    Reply reply = builder.buttonRow(Button.callback("More", "events:page:2")).build();

    // when
    List<SendMessage> messages = renderer.messages("42", reply);

    // then
    assertThat(messages).hasSizeGreaterThan(1);
    assertThat(messages)
        .allSatisfy(message -> assertThat(message.getText().length()).isLessThanOrEqualTo(4096));
    List<String> received = new ArrayList<>();
    messages.forEach(message -> received.addAll(List.of(message.getText().split("\n"))));
    assertThat(received).isEqualTo(lines);
    assertThat(messages.subList(0, messages.size() - 1))
        .allSatisfy(message -> assertThat(message.getReplyMarkup()).isNull());
    assertThat(messages.get(messages.size() - 1).getReplyMarkup()).isNotNull();
  }

  @Test
  void keepsAMessageOfExactly4096CharactersWholeAndSplitsOneMore() {
    // given
    Reply exact = Reply.text(Locale.ENGLISH, "a".repeat(2047), "b".repeat(2048));
    Reply oneMore = Reply.text(Locale.ENGLISH, "a".repeat(2048), "b".repeat(2048));

    // when
    List<SendMessage> whole = renderer.messages("42", exact);
    List<SendMessage> split = renderer.messages("42", oneMore);

    // then
    assertThat(single(whole).getText()).hasSize(4096);
    assertThat(split)
        .extracting(SendMessage::getText)
        .containsExactly("a".repeat(2048), "b".repeat(2048));
  }

  @Test
  void addressesAGroupAnswerToTheMemberWithinTheLimit() {
    // given
    Reply reply = Reply.text(Locale.ENGLISH, "x".repeat(4096));

    // when
    List<SendMessage> messages =
        renderer.messages(
            "-100", reply, new TelegramReplyRenderer.Addressing(7, "111", "<Alice> & @everyone"));

    // then
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).getText())
        .isEqualTo("<a href=\"tg://user?id=111\">&lt;Alice&gt; &amp; @\u2060everyone</a>");
    assertThat(messages.get(0).getReplyParameters().getMessageId()).isEqualTo(7);
    assertThat(messages.get(1).getReplyParameters()).isNull();
    assertThat(messages)
        .allSatisfy(m -> assertThat(m.getText().length()).isLessThanOrEqualTo(4096));
  }

  @Test
  void cutsAnOverlongLineWithoutBreakingAnEntity() {
    // given
    TelegramReplyRenderer small = new TelegramReplyRenderer(clock, 100);
    Reply reply = Reply.text(Locale.ENGLISH, "&".repeat(90) + "<b>" + "x".repeat(50));

    // when
    List<SendMessage> messages = small.messages("42", reply);

    // then
    assertThat(messages).hasSizeGreaterThan(1);
    for (SendMessage message : messages) {
      assertThat(message.getText().length()).isLessThanOrEqualTo(100);
      assertThat(message.getText().replace("&amp;", "").replace("&lt;", "").replace("&gt;", ""))
          .doesNotContain("&");
    }
    assertThat(String.join("", messages.stream().map(SendMessage::getText).toList()))
        .isEqualTo("&amp;".repeat(90) + "&lt;b&gt;" + "x".repeat(50));
  }

  @Test
  void rendersNothingForAReplyWithoutText() {
    // given
    Reply reply = Reply.builder(Locale.ENGLISH).build();

    // when
    List<SendMessage> messages = renderer.messages("42", reply);

    // then
    assertThat(messages).isEmpty();
  }

  private static SendMessage single(List<SendMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
