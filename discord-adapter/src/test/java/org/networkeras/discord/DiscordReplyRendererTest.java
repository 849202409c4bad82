package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Form;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;

final class DiscordReplyRendererTest {

  private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
  private static final Instant START = Instant.parse("2026-11-26T18:30:00Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final DiscordReplyRenderer renderer = new DiscordReplyRenderer(new MutableClock(NOW));

  @Test
  void showsUserTextExactlyAsTypedWithoutMarkupOrMentions() {
    // given
    String typed = "@everyone <b>x</b> [y](z) **a**";
    Reply reply = Reply.text(Locale.ENGLISH, typed);

    // when
    MessageCreateData message = renderer.message(reply);

    // then
    assertThat(message.getContent())
        .isEqualTo("\\@everyone \\<b\\>x\\</b\\> \\[y\\]\\(z\\) \\*\\*a\\*\\*");
    assertThat(unescape(message.getContent())).isEqualTo(typed);
  }

  @Test
  void escapesEveryMarkdownConstructDiscordKnows() {
    // given
    String typed =
        "# Title\n> quote\n1. first\n- item\n`code` ~~gone~~ ||spoiler|| __u__ <@123> <t:1:F>";

    // when
    String escaped = DiscordMarkdown.escape(typed);

    // then
    assertThat(unescape(escaped)).isEqualTo(typed);
    assertThat(escaped)
        .contains("\\# Title", "\\> quote", "1\\. first", "\\- item", "\\`code\\`", "\\<\\@123\\>")
        .contains("\\<t:1:F\\>")
        .doesNotContain("<@", "**", "~~", "||", "__");
  }

  @Test
  void allowsNoMentionOnNewMessagesAndOnEdits() {
    // given
    Reply reply = Reply.text(Locale.ENGLISH, "@everyone @here <@&42>");

    // when
    DataObject created = renderer.message(reply).toData();
    DataObject edited = renderer.edit(reply).toData();

    // then
    for (DataObject data : List.of(created, edited)) {
      DataObject allowed = data.getObject("allowed_mentions");
      assertThat(allowed.getArray("parse").length()).isZero();
      assertThat(allowed.optArray("users").map(DataArray::length).orElse(0)).isZero();
      assertThat(allowed.optArray("roles").map(DataArray::length).orElse(0)).isZero();
      assertThat(allowed.getBoolean("replied_user", false)).isFalse();
    }
  }

  @Test
  void writesTimePiecesAsDiscordTimestampsInEveryStyle() {
    // given
    long seconds = START.getEpochSecond();
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(
                Piece.time(START, PARIS, Piece.TimeStyle.FULL),
                Piece.text(" "),
                Piece.time(START, PARIS, Piece.TimeStyle.TIME),
                Piece.text(" "),
                Piece.time(START, PARIS, Piece.TimeStyle.DATE),
                Piece.text(" "),
                Piece.time(START, PARIS, Piece.TimeStyle.RELATIVE))
            .build();

    // when
    String content = renderer.message(reply).getContent();

    // then
    assertThat(content)
        .isEqualTo(
            "<t:%d:F> <t:%d:t> <t:%d:D> <t:%d:R>".formatted(seconds, seconds, seconds, seconds));
  }

  @Test
  void rendersTitledBlocksAsEmbedsWithMaskedLinksAndBoldText() {
    // given an event card
    Reply reply =
        Reply.builder(Locale.FRENCH)
            .line(Line.text("Ce soir :"))
            .block(
                Block.titled(
                    Line.of(
                        Piece.text("Soirée *Connect*"),
                        Piece.text(" — "),
                        Piece.time(START, PARIS, Piece.TimeStyle.FULL)),
                    List.of(
                        Line.of(Piece.bold("Où"), Piece.text(" : La Cantine [2e]")),
                        Line.of(
                            Piece.link(
                                "Inscription (gratuite)", URI.create("https://example.org/a_(b)"))),
                        Line.of(Piece.eventRef("42")))))
            .build();

    // when
    MessageCreateData message = renderer.message(reply);

    // then
    assertThat(message.getContent()).isEqualTo("Ce soir :");
    assertThat(message.getEmbeds()).hasSize(1);
    MessageEmbed card = message.getEmbeds().get(0);
    assertThat(card.getTitle()).isEqualTo("Soirée \\*Connect\\* — jeu. 26 nov., 19h30");
    assertThat(card.getDescription())
        .isEqualTo(
            "**Où** : La Cantine \\[2e\\]\n"
                + "[Inscription \\(gratuite\\)](https://example.org/a_%28b%29)\n"
                + "`42`");
  }

  @Test
  void rendersButtonRowsAsCallbackAndLinkButtons() {
    // given
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("Going?"))
            .buttonRow(
                Button.callback("I'm going", "rsvp:42:yes"), Button.callback("No", "rsvp:42:no"))
            .buttonRow(Button.link("Website", URI.create("https://example.org")))
            .build();

    // when
    DataArray rows = renderer.message(reply).toData().getArray("components");

    // then
    assertThat(rows.length()).isEqualTo(2);
    DataObject going = rows.getObject(0).getArray("components").getObject(0);
    assertThat(going.getString("custom_id")).isEqualTo("rsvp:42:yes");
    assertThat(going.getString("label")).isEqualTo("I'm going");
    DataObject website = rows.getObject(1).getArray("components").getObject(0);
    assertThat(website.getString("url")).isEqualTo("https://example.org");
    assertThat(website.getInt("style")).isEqualTo(5);
  }

  @Test
  void cutsLongTextVisiblyAtDiscordsLimit() {
    // given
    Reply reply = Reply.text(Locale.ENGLISH, "a".repeat(2500));

    // when
    String content = renderer.message(reply).getContent();

    // then
    assertThat(content).hasSize(2000).endsWith(Texts.ELLIPSIS);
  }

  @Test
  void keepsALongEventListWithinTheEmbedLimitsAndSaysHowManyWereLeftOut() {
    // given fifteen cards of 900 characters each
    Reply.Builder builder = Reply.builder(Locale.ENGLISH);
    for (int i = 0; i < 15; i++) {
      builder.block(Block.titled(Line.text("Event " + i), List.of(Line.text("d".repeat(900)))));
    }

    // when
    List<MessageEmbed> embeds = renderer.message(builder.build()).getEmbeds();

    // then
    int total = embeds.stream().mapToInt(MessageEmbed::getLength).sum();
    assertThat(total).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
    assertThat(embeds.size()).isLessThanOrEqualTo(10);
    String last = embeds.get(embeds.size() - 1).getDescription();
    int shown = embeds.size();
    assertThat(last).endsWith(Texts.ELLIPSIS + " (+" + (15 - shown) + ")");
  }

  @Test
  void neverShowsMoreThanTenEmbeds() {
    // given twelve short cards
    Reply.Builder builder = Reply.builder(Locale.ENGLISH);
    for (int i = 0; i < 12; i++) {
      builder.block(Block.titled(Line.text("Event " + i), List.of(Line.text("short"))));
    }

    // when
    List<MessageEmbed> embeds = renderer.message(builder.build()).getEmbeds();

    // then
    assertThat(embeds).hasSize(10);
    assertThat(embeds.get(9).getDescription()).isEqualTo("short\n" + Texts.ELLIPSIS + " (+2)");
  }

  @Test
  void attachesFiles() {
    // given
    byte[] ics = "BEGIN:VCALENDAR\nEND:VCALENDAR\n".getBytes(StandardCharsets.UTF_8);
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("Add it to your calendar"))
            .attachment(new Attachment("event-42.ics", "text/calendar", ics))
            .build();

    // when
    MessageCreateData message = renderer.message(reply);

    // then
    assertThat(message.getFiles()).hasSize(1);
    assertThat(message.getFiles().get(0).getName()).isEqualTo("event-42.ics");
  }

  @Test
  void rendersTheSuggestionFormAsAModal() {
    // given
    Form form =
        new Form(
            "suggest",
            "Suggest an event",
            List.of(
                new Form.Field("title", "Title", "Soirée Connect", false, true, 100),
                new Form.Field("when", "When", "next Thursday 19:00", false, true, 100),
                new Form.Field("where", "Where", "", false, true, 200),
                new Form.Field("link", "Link", "https://", false, false, 500),
                new Form.Field("description", "Description", "", true, false, 4000)));

    // when
    DataObject modal = DiscordReplyRenderer.modal(form).toData();

    // then
    assertThat(modal.getString("custom_id")).isEqualTo("suggest");
    assertThat(modal.getString("title")).isEqualTo("Suggest an event");
    DataArray labels = modal.getArray("components");
    assertThat(labels.length()).isEqualTo(5);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < labels.length(); i++) {
      ids.add(labels.getObject(i).getObject("component").getString("custom_id"));
    }
    assertThat(ids).containsExactly("title", "when", "where", "link", "description");
    DataObject description = labels.getObject(4).getObject("component");
    assertThat(description.getInt("style")).isEqualTo(2);
    assertThat(description.getBoolean("required")).isFalse();
    assertThat(description.getInt("max_length")).isEqualTo(4000);
    assertThat(labels.getObject(0).getString("label")).isEqualTo("Title");
  }

  @Test
  void rendersAFieldWithOptionsAsAnOptionalSelectMenuInALabel() {
    // given
    Form form =
        new Form(
            "suggest",
            "Suggest an event",
            List.of(
                new Form.Field("title", "Title", "", false, true, 100),
                new Form.Field(
                    "family",
                    "Kind of event",
                    "Let a moderator choose",
                    false,
                    false,
                    100,
                    List.of(
                        new Choice("Barcamp", "barcamp"),
                        new Choice("Afterwork", "afterwork"),
                        new Choice("Bloggers", "bloggers"),
                        new Choice("Launch", "launch")))));

    // when
    DataObject modal = DiscordReplyRenderer.modal(form).toData();

    // then
    DataObject label = modal.getArray("components").getObject(1);
    assertThat(label.getInt("type")).isEqualTo(18);
    assertThat(label.getString("label")).isEqualTo("Kind of event");
    DataObject menu = label.getObject("component");
    assertThat(menu.getInt("type")).isEqualTo(3);
    assertThat(menu.getString("custom_id")).isEqualTo("family");
    assertThat(menu.getBoolean("required")).isFalse();
    assertThat(menu.getInt("min_values")).isZero();
    assertThat(menu.getInt("max_values")).isEqualTo(1);
    assertThat(menu.getString("placeholder")).isEqualTo("Let a moderator choose");
    List<String> values = new ArrayList<>();
    DataArray options = menu.getArray("options");
    for (int i = 0; i < options.length(); i++) {
      values.add(options.getObject(i).getString("value"));
    }
    assertThat(values).containsExactly("barcamp", "afterwork", "bloggers", "launch");
  }

  @Test
  void cutsAnEmbedsTitleAt256AndItsDescriptionAt4096Characters() {
    // given
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .block(Block.titled(Line.text("t".repeat(300)), List.of(Line.text("d".repeat(5000)))))
            .build();

    // when
    MessageEmbed embed = renderer.message(reply).getEmbeds().get(0);

    // then
    assertThat(embed.getTitle()).hasSize(256).endsWith(Texts.ELLIPSIS);
    assertThat(embed.getDescription()).hasSize(4096).endsWith(Texts.ELLIPSIS);
    assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
  }

  @Test
  void keepsTextsExactlyAtDiscordsLimitsWhole() {
    // given
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("c".repeat(2000)))
            .block(Block.titled(Line.text("t".repeat(256)), List.of(Line.text("d".repeat(4096)))))
            .buttonRow(Button.callback("b".repeat(80), "x".repeat(Button.MAX_TOKEN_BYTES)))
            .build();

    // when
    MessageCreateData message = renderer.message(reply);

    // then
    assertThat(message.getContent()).isEqualTo("c".repeat(2000));
    assertThat(message.getEmbeds().get(0).getTitle()).isEqualTo("t".repeat(256));
    assertThat(message.getEmbeds().get(0).getDescription()).isEqualTo("d".repeat(4096));
    DataObject button =
        message.toData().getArray("components").getObject(0).getArray("components").getObject(0);
    assertThat(button.getString("label")).isEqualTo("b".repeat(80));
    assertThat(button.getString("custom_id")).hasSize(64);
  }

  @Test
  void cutsButtonLabelsAt80AndLeavesOutLinksDiscordWouldRefuse() {
    // given
    URI longest = URI.create("https://example.org/" + "p".repeat(512 - 20));
    URI tooLong = URI.create("https://example.org/" + "%C3%A9".repeat(90));
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("Links"))
            .buttonRow(Button.callback("g".repeat(100), "rsvp:42:yes"), Button.callback(" ", "x"))
            .buttonRow(Button.link("Map", longest), Button.link("Too long", tooLong))
            .buttonRow(Button.link("Also too long", tooLong))
            .build();

    // when
    DataArray rows = renderer.message(reply).toData().getArray("components");

    // then
    assertThat(rows.length()).isEqualTo(2);
    DataArray first = rows.getObject(0).getArray("components");
    assertThat(first.getObject(0).getString("label")).hasSize(80).endsWith(Texts.ELLIPSIS);
    assertThat(first.getObject(1).getString("label")).isEqualTo(Texts.ELLIPSIS);
    DataArray links = rows.getObject(1).getArray("components");
    assertThat(links.length()).isEqualTo(1);
    assertThat(links.getObject(0).getString("url")).hasSize(512);
  }

  @Test
  void editsReplaceTheWholeMessage() {
    // given
    Reply reply = Reply.text(Locale.ENGLISH, "Updated");

    // when
    MessageEditData edit = renderer.edit(reply);

    // then
    DataObject data = edit.toData();
    assertThat(data.getString("content")).isEqualTo("Updated");
    assertThat(data.getArray("embeds").length()).isZero();
    assertThat(data.getArray("components").length()).isZero();
  }

  /** What Discord shows for escaped text: each backslash escape stands for its character. */
  private static String unescape(String markdown) {
    return markdown.replaceAll("\\\\(\\p{Punct})", "$1");
  }
}
