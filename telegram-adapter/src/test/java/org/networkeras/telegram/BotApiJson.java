package org.networkeras.telegram;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Bot API JSON as Telegram sends it (field names and shapes from the Bot API documentation), and
 * the library's own parsing of it.
 */
final class BotApiJson {

  static final long GROUP_ID = -1001234567890L;
  static final long ALICE_ID = 111111111L;
  static final long BOB_ID = 222222222L;
  static final long BOT_ID = 999999999L;
  static final String BOT_USERNAME = "NetworkerasBot";

  private BotApiJson() {}

  static String alice() {
    return """
        {"id":111111111,"is_bot":false,"first_name":"Alice","last_name":"Martin",\
        "username":"alice_m","language_code":"fr"}""";
  }

  static String bob() {
    return """
        {"id":222222222,"is_bot":false,"first_name":"Bob","username":"bob","language_code":"en"}""";
  }

  static String group() {
    return """
        {"id":-1001234567890,"title":"Paris Tech","type":"supergroup"}""";
  }

  static String privateChat(long userId) {
    return """
        {"id":%d,"first_name":"Alice","username":"alice_m","type":"private"}"""
        .formatted(userId);
  }

  /** A text message; a leading command gets its {@code bot_command} entity, as Telegram adds. */
  static String message(int updateId, String chat, String from, String text) {
    String entities = "";
    if (text.startsWith("/")) {
      int end = text.indexOf(' ');
      int length = end < 0 ? text.length() : end;
      entities =
          ",\"entities\":[{\"offset\":0,\"length\":%d,\"type\":\"bot_command\"}]".formatted(length);
    }
    return """
        {"update_id":%d,"message":{"message_id":%d,"from":%s,"chat":%s,"date":1767225600,\
        "text":%s%s}}"""
        .formatted(updateId, 1000 + updateId, from, chat, quote(text), entities);
  }

  static String callback(int updateId, String chat, String from, String data) {
    return callback(updateId, chat, from, data, 77);
  }

  /** A press on a button of the bot's message {@code messageId}. */
  static String callback(int updateId, String chat, String from, String data, int messageId) {
    return """
        {"update_id":%d,"callback_query":{"id":"4382bfdwdsb323b2d9","from":%s,\
        "message":{"message_id":%d,"from":{"id":999999999,"is_bot":true,\
        "first_name":"Networkeras","username":"NetworkerasBot"},"chat":%s,"date":1767225500,\
        "text":"Events tonight"},"chat_instance":"-8463543153210","data":%s}}"""
        .formatted(updateId, from, messageId, chat, quote(data));
  }

  static String administrators() {
    return """
        {"ok":true,"result":[\
        {"status":"creator","user":%s,"is_anonymous":false},\
        {"status":"administrator","user":%s,"can_be_edited":false,"is_anonymous":false,\
        "can_manage_chat":true,"can_delete_messages":true,"can_manage_video_chats":true,\
        "can_restrict_members":true,"can_promote_members":false,"can_change_info":true,\
        "can_invite_users":true,"can_post_stories":false,"can_edit_stories":false,\
        "can_delete_stories":false,"can_pin_messages":true}]}"""
        .formatted(alice(), bob());
  }

  static String ok(String result) {
    return "{\"ok\":true,\"result\":" + result + "}";
  }

  static String batch(String... updates) {
    return ok("[" + String.join(",", updates) + "]");
  }

  /** Parses a {@code getUpdates} answer exactly as the long-polling session does. */
  static List<Update> parse(String getUpdatesAnswer) {
    try {
      return new ArrayList<>(GetUpdates.builder().build().deserializeResponse(getUpdatesAnswer));
    } catch (TelegramApiRequestException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Update update(String updateJson) {
    return parse(batch(updateJson)).get(0);
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
