package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;

/** Whatever the lengths in a reply, the renderer shortens to Discord's limits and never throws. */
final class DiscordLengthLimitsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

  /** 470 accented letters: 500 characters, but 2,850 once percent-encoded. */
  private static final URI ACCENTED_LINK =
      URI.create("https://example.org/" + "é".repeat(470) + "1234567890");

  private final DiscordReplyRenderer renderer = new DiscordReplyRenderer(new MutableClock(NOW));

  @Test
  void showsACardWhoseLinkIsTooLongForDiscordWithoutItsLinkButton() {
    // given an event card stored before links were checked at input
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .block(
                Block.titled(
                    Line.of(Piece.link("Apéro web", ACCENTED_LINK)),
                    List.of(Line.text("Thursday 19:00"))))
            .buttonRow(Button.callback("Going", "rsvp:42:yes"))
            .buttonRow(Button.link("Open the link", ACCENTED_LINK))
            .build();

    // when
    MessageCreateData message = renderer.message(reply);

    // then
    DataArray rows = message.toData().getArray("components");
    assertThat(rows.length()).isEqualTo(1);
    assertThat(rows.getObject(0).getArray("components").getObject(0).getString("label"))
        .isEqualTo("Going");
    assertThat(message.getEmbeds()).hasSize(1);
    assertThat(message.getEmbeds().get(0).getTitle()).isEqualTo("Apéro web");
    assertThat(message.getEmbeds().get(0).getUrl()).isNull();
  }

  @Test
  void shortensEveryPartOverItsLimit() {
    // given a title, lines and labels far over every limit
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(Line.text("line " + i + " " + "x".repeat(500)));
    }
    Reply.Builder builder = Reply.builder(Locale.ENGLISH);
    for (int i = 0; i < 12; i++) {
      builder.block(Block.titled(Line.text("T".repeat(1000)), lines));
    }
    Reply reply =
        builder
            .line(Line.text("c".repeat(5000)))
            .buttonRow(Button.callback("L".repeat(200), "rsvp:1:yes"))
            .build();

    // when
    MessageCreateData message = renderer.message(reply);

    // then
    assertThat(message.getContent()).hasSizeLessThanOrEqualTo(2000);
    assertThat(message.getEmbeds()).hasSizeLessThanOrEqualTo(10);
    assertThat(message.getEmbeds())
        .allSatisfy(
            embed -> {
              assertThat(embed.getTitle()).hasSizeLessThanOrEqualTo(MessageEmbed.TITLE_MAX_LENGTH);
              assertThat(embed.getDescription())
                  .hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
            });
    assertThat(message.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum())
        .isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
    assertThat(
            message
                .toData()
                .getArray("components")
                .getObject(0)
                .getArray("components")
                .getObject(0)
                .getString("label"))
        .hasSize(80);
  }
}
