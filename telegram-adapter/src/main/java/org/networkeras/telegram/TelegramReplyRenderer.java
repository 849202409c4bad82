package org.networkeras.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.TimeText;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns a core {@link Reply} into Telegram {@code sendMessage} calls: HTML text, an inline
 * keyboard, link previews off. Text longer than Telegram's 4,096 characters is split between lines;
 * the keyboard goes under the last part. Thread-safe.
 */
final class TelegramReplyRenderer {

  /** Telegram's longest message text. */
  static final int MAX_MESSAGE_LENGTH = 4096;

  private final Clock clock;
  private final int maxLength;

  TelegramReplyRenderer(Clock clock) {
    this(clock, MAX_MESSAGE_LENGTH);
  }

  TelegramReplyRenderer(Clock clock, int maxLength) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxLength < 16 || maxLength > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("maxLength must be 16.." + MAX_MESSAGE_LENGTH);
    }
    this.maxLength = maxLength;
  }

  /**
   * The messages that show {@code reply} in {@code chatId}, in order; empty when the reply has no
   * text. The length counted is the HTML source's, which is never shorter than what Telegram
   * counts, so no part is refused as too long.
   */
  List<SendMessage> messages(String chatId, Reply reply) {
    return messages(chatId, reply, Addressing.NONE);
  }

  /**
   * The messages that show {@code reply} in {@code chatId} addressed to a member: the first part
   * answers their message and, when {@code addressing} names them, opens with their name.
   */
  List<SendMessage> messages(String chatId, Reply reply, Addressing addressing) {
    List<String> lines = lines(reply);
    if (!lines.isEmpty() && addressing.addressee() != null) {
      lines.add(0, addressing.greeting());
    }
    List<String> parts = split(lines);
    Optional<InlineKeyboardMarkup> keyboard = keyboard(reply);
    List<SendMessage> messages = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      messages.add(
          SendMessage.builder()
              .chatId(chatId)
              .text(parts.get(i))
              .parseMode(ParseMode.HTML)
              .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
              .replyMarkup(last ? keyboard.orElse(null) : null)
              .replyParameters(
                  i == 0 && addressing.replyTo() != null
                      ? ReplyParameters.builder()
                          .messageId(addressing.replyTo())
                          .allowSendingWithoutReply(true)
                          .build()
                      : null)
              .build());
    }
    return messages;
  }

  /**
   * The reply as an edit of the bot's message {@code messageId} (an updated card), when it fits in
   * one message and carries no file; empty otherwise.
   */
  Optional<EditMessageText> edit(String chatId, int messageId, Reply reply) {
    List<String> parts = split(lines(reply));
    if (parts.size() != 1 || !reply.attachments().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        EditMessageText.builder()
            .chatId(chatId)
            .messageId(messageId)
            .text(parts.get(0))
            .parseMode(ParseMode.HTML)
            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
            .replyMarkup(keyboard(reply).orElse(null))
            .build());
  }

  /** The reply as HTML lines; an empty string separates blocks. */
  List<String> lines(Reply reply) {
    List<String> lines = new ArrayList<>();
    for (Block block : reply.blocks()) {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      block
          .title()
          .ifPresent(title -> lines.add("<b>" + line(title, reply.locale(), true) + "</b>"));
      for (Line line : block.lines()) {
        lines.add(line(line, reply.locale(), false));
      }
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  String line(Line line, Locale locale, boolean insideBold) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : line.pieces()) {
      out.append(piece(piece, locale, insideBold));
    }
    return out.toString();
  }

  private String piece(Piece piece, Locale locale, boolean insideBold) {
    if (piece instanceof Piece.Text text) {
      return TelegramHtml.text(text.text());
    } else if (piece instanceof Piece.Bold bold) {
      String escaped = TelegramHtml.text(bold.text());
      return insideBold ? escaped : "<b>" + escaped + "</b>";
    } else if (piece instanceof Piece.Link link) {
      return "<a href=\""
          + TelegramHtml.attribute(link.url().toString())
          + "\">"
          + TelegramHtml.text(link.label())
          + "</a>";
    } else if (piece instanceof Piece.Time time) {
      return TelegramHtml.text(TimeText.format(time, locale, clock.instant()));
    } else if (piece instanceof Piece.EventRef ref) {
      return "<code>" + TelegramHtml.text(ref.ref()) + "</code>";
    }
    throw new IllegalArgumentException("unknown piece " + piece);
  }

  /** Packs lines into parts of at most {@code maxLength} characters, breaking between lines. */
  List<String> split(List<String> lines) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (line.length() > maxLength) {
        flush(current, parts);
        parts.addAll(chop(plain(line)));
        continue;
      }
      int needed = current.length() == 0 ? line.length() : current.length() + 1 + line.length();
      if (needed > maxLength) {
        flush(current, parts);
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(line);
    }
    flush(current, parts);
    return parts;
  }

  private static void flush(StringBuilder current, List<String> parts) {
    String part = current.toString().strip();
    if (!part.isEmpty()) {
      parts.add(part);
    }
    current.setLength(0);
  }

  /** A line too long for one message loses its tags so it can be cut anywhere safe. */
  private static String plain(String html) {
    return html.replaceAll("<[^>]*>", "");
  }

  /** Cuts escaped text without splitting an entity ({@code &amp;}) or a surrogate pair. */
  private List<String> chop(String escaped) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (start < escaped.length()) {
      int end = Math.min(start + maxLength, escaped.length());
      if (end < escaped.length()) {
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp >= start && escaped.indexOf(';', amp) >= end) {
          end = amp;
        }
        if (Character.isLowSurrogate(escaped.charAt(end))) {
          end--;
        }
        int space = escaped.lastIndexOf(' ', end);
        if (space > start + maxLength / 2) {
          end = space + 1;
        }
      }
      String chunk = escaped.substring(start, end).strip();
      if (!chunk.isEmpty()) {
        chunks.add(chunk);
      }
      start = end;
    }
    return chunks;
  }

  private static Optional<InlineKeyboardMarkup> keyboard(Reply reply) {
    if (reply.buttons().isEmpty()) {
      return Optional.empty();
    }
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (List<Button> row : reply.buttons()) {
      InlineKeyboardRow keyboardRow = new InlineKeyboardRow();
      for (Button button : row) {
        keyboardRow.add(
            button.isLink()
                ? InlineKeyboardButton.builder()
                    .text(button.label())
                    .url(button.url().toString())
                    .build()
                : InlineKeyboardButton.builder()
                    .text(button.label())
                    .callbackData(button.token())
                    .build());
      }
      rows.add(keyboardRow);
    }
    return Optional.of(new InlineKeyboardMarkup(rows));
  }

  /**
   * Whom a reply in a group answers.
   *
   * @param replyTo the id of the member's message the reply quotes, or {@code null}
   * @param addressee the Telegram user id of the member it is for, or {@code null} for everyone
   * @param name the member's name, shown as a link to them when {@code addressee} is set
   */
  record Addressing(Integer replyTo, String addressee, String name) {
    static final Addressing NONE = new Addressing(null, null, null);

    /** An answer to a member's message, for everyone to read. */
    static Addressing replyTo(Integer messageId) {
      return new Addressing(messageId, null, null);
    }

    /** The member's name, linked to them: their name, never a {@code @mention} of others. */
    String greeting() {
      return "<a href=\"tg://user?id="
          + TelegramHtml.attribute(addressee)
          + "\">"
          + TelegramHtml.text(name)
          + "</a>";
    }
  }
}
