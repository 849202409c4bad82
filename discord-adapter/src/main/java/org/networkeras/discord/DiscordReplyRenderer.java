package org.networkeras.discord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectMenu;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Form;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;

/**
 * Renders core's {@link Reply} as Discord message data: untitled blocks become the message text,
 * titled blocks (event cards, lists) become embeds, button rows become action rows, attachments
 * become files and a {@link Form} becomes a modal.
 *
 * <p>Discord's limits are kept visibly: text is cut with an ellipsis at 2,000 characters, an
 * embed's title at 256 and its description at 4,096, the embeds of a message at 6,000 characters
 * and ten embeds (a cut embed list ends with an ellipsis and the number of blocks left out), a
 * button's label at 80; a link button whose address is over 512 characters once encoded is left
 * out. Rendering never fails on length. Every message and every edit allows no mention at all.
 * Thread-safe.
 */
final class DiscordReplyRenderer {

  private static final EnumSet<Message.MentionType> NO_MENTIONS =
      EnumSet.noneOf(Message.MentionType.class);

  private final Clock clock;

  DiscordReplyRenderer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The reply as a new message. */
  MessageCreateData message(Reply reply) {
    Rendered rendered = render(reply);
    return new MessageCreateBuilder()
        .setContent(rendered.content())
        .setEmbeds(rendered.embeds())
        .setComponents(rendered.rows())
        .setFiles(rendered.files())
        .setAllowedMentions(NO_MENTIONS)
        .mentionRepliedUser(false)
        .build();
  }

  /** The reply as a replacement for an earlier message (a deferred answer, an updated card). */
  MessageEditData edit(Reply reply) {
    Rendered rendered = render(reply);
    return new MessageEditBuilder()
        .setReplace(true)
        .setContent(rendered.content())
        .setEmbeds(rendered.embeds())
        .setComponents(rendered.rows())
        .setFiles(rendered.files())
        .setAllowedMentions(NO_MENTIONS)
        .mentionRepliedUser(false)
        .build();
  }

  /**
   * The form as a modal; its custom id is the form's id, each input's the field's id. A field with
   * options is a select menu of at most 25 of them inside a label (Discord's modal select menus);
   * picking one is optional unless the field is required.
   */
  static Modal modal(Form form) {
    List<Label> inputs = new ArrayList<>();
    for (Form.Field field : form.fields()) {
      String label = Texts.truncate(field.label(), Label.LABEL_MAX_LENGTH);
      inputs.add(Label.of(label, field.isSelect() ? selectMenu(field) : textInput(field)));
    }
    return Modal.create(form.id(), Texts.truncate(form.title(), Modal.MAX_TITLE_LENGTH))
        .addComponents(inputs)
        .build();
  }

  private static TextInput textInput(Form.Field field) {
    TextInput.Builder input =
        TextInput.create(
                field.id(), field.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
            .setRequired(field.required())
            .setMaxLength(Math.min(field.maxLength(), TextInput.MAX_VALUE_LENGTH));
    if (!field.placeholder().isBlank()) {
      input.setPlaceholder(Texts.truncate(field.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH));
    }
    return input.build();
  }

  private static StringSelectMenu selectMenu(Form.Field field) {
    StringSelectMenu.Builder menu =
        StringSelectMenu.create(field.id())
            .setRequired(field.required())
            .setRequiredRange(field.required() ? 1 : 0, 1);
    for (Choice option : field.options()) {
      if (option.value().length() <= SelectOption.VALUE_MAX_LENGTH
          && menu.getOptions().size() < SelectMenu.OPTIONS_MAX_AMOUNT) {
        menu.addOption(
            Texts.truncate(option.label(), SelectOption.LABEL_MAX_LENGTH), option.value());
      }
    }
    if (!field.placeholder().isBlank()) {
      menu.setPlaceholder(Texts.truncate(field.placeholder(), SelectMenu.PLACEHOLDER_MAX_LENGTH));
    }
    return menu.build();
  }

  private Rendered render(Reply reply) {
    List<String> paragraphs = new ArrayList<>();
    List<Block> titled = new ArrayList<>();
    for (Block block : reply.blocks()) {
      if (block.title().isPresent()) {
        titled.add(block);
      } else {
        paragraphs.add(body(block.lines()));
      }
    }
    String content =
        Texts.truncate(String.join("\n\n", paragraphs).strip(), Message.MAX_CONTENT_LENGTH);
    List<MessageEmbed> embeds = embeds(reply, titled);
    List<ActionRow> rows =
        reply.buttons().stream().map(DiscordReplyRenderer::row).flatMap(Optional::stream).toList();
    List<FileUpload> files = reply.attachments().stream().map(DiscordReplyRenderer::file).toList();
    if (content.isEmpty() && embeds.isEmpty() && files.isEmpty()) {
      content = Texts.ELLIPSIS; // Discord refuses a message with nothing to show
    }
    return new Rendered(content, embeds, rows, files);
  }

  private List<MessageEmbed> embeds(Reply reply, List<Block> titled) {
    List<MessageEmbed> embeds = new ArrayList<>();
    int budget = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    for (int i = 0; i < titled.size(); i++) {
      int left = titled.size() - i;
      boolean lastSlot = embeds.size() == Message.MAX_EMBED_COUNT - 1;
      Block block = titled.get(i);
      String title =
          Texts.truncate(
              DiscordMarkdown.title(block.title().orElseThrow(), reply.locale(), clock.instant()),
              MessageEmbed.TITLE_MAX_LENGTH);
      String description = body(block.lines());
      String omitted = "\n" + Texts.ELLIPSIS + " (+" + (left - 1) + ")";
      boolean cutHere = lastSlot && left > 1;
      int room = budget - title.length();
      if (!cutHere && title.length() + description.length() > budget && left > 1) {
        cutHere = true; // this block does not fit whole: it is the last one shown
      }
      // the "left out" note counts towards the description's own limit too
      int limit =
          Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, room) - (cutHere ? omitted.length() : 0);
      if (limit <= Texts.ELLIPSIS.length()) {
        break;
      }
      description = Texts.truncate(description, limit) + (cutHere ? omitted : "");
      EmbedBuilder embed = new EmbedBuilder().setTitle(title, firstLink(block.title().get()));
      if (!description.isBlank()) {
        embed.setDescription(description);
      }
      embeds.add(embed.build());
      budget -= title.length() + description.length();
      if (cutHere) {
        break;
      }
    }
    return embeds;
  }

  private static String body(List<Line> lines) {
    return String.join("\n", lines.stream().map(DiscordMarkdown::line).toList());
  }

  private static String firstLink(Line title) {
    return title.pieces().stream()
        .filter(Piece.Link.class::isInstance)
        .map(piece -> ((Piece.Link) piece).url().toASCIIString())
        .filter(url -> url.length() <= MessageEmbed.URL_MAX_LENGTH)
        .findFirst()
        .orElse(null);
  }

  /** The row, without link buttons Discord would refuse; empty when none is left. */
  private static Optional<ActionRow> row(List<Button> buttons) {
    List<net.dv8tion.jda.api.components.buttons.Button> shown =
        buttons.stream()
            .filter(DiscordReplyRenderer::fits)
            .map(DiscordReplyRenderer::button)
            .toList();
    return shown.isEmpty() ? Optional.empty() : Optional.of(ActionRow.of(shown));
  }

  /**
   * Whether Discord takes the button: a link's address, percent-encoded, fits in 512 characters.
   * Core refuses longer links at input; this keeps older ones from making the whole reply fail.
   */
  private static boolean fits(Button button) {
    return !button.isLink()
        || button.url().toASCIIString().length()
            <= net.dv8tion.jda.api.components.buttons.Button.URL_MAX_LENGTH;
  }

  private static net.dv8tion.jda.api.components.buttons.Button button(Button button) {
    String label =
        Texts.truncate(
            button.label().isBlank() ? Texts.ELLIPSIS : button.label(),
            net.dv8tion.jda.api.components.buttons.Button.LABEL_MAX_LENGTH);
    return button.isLink()
        ? net.dv8tion.jda.api.components.buttons.Button.link(button.url().toASCIIString(), label)
        : net.dv8tion.jda.api.components.buttons.Button.secondary(button.token(), label);
  }

  private static FileUpload file(Attachment attachment) {
    return FileUpload.fromData(attachment.content(), attachment.fileName());
  }

  private record Rendered(
      String content, List<MessageEmbed> embeds, List<ActionRow> rows, List<FileUpload> files) {}
}
