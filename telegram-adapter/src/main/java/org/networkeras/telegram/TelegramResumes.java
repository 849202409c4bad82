package org.networkeras.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member asked in a group when the answer is secret and the bot cannot write to them: the
 * group gets a {@code t.me/<bot>?start=<payload>} link, and {@code /start <payload>} in the private
 * chat asks again there. Kept in the adapter's durable state so a restart loses no link; a payload
 * works once, and only for the member who asked. Thread-safe.
 */
final class TelegramResumes {

  private static final Logger log = LoggerFactory.getLogger(TelegramResumes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "r-";

  /** What kind of question it was. */
  enum Kind {
    COMMAND,
    BUTTON,
    MESSAGE
  }

  /**
   * One question to ask again.
   *
   * @param userId the member who asked
   * @param chatId the group it was asked in
   * @param title the group's title then, or {@code null}
   * @param kind a command, a button press or a plain message
   * @param command the command's name, or {@code null}
   * @param text the command's text after its name, the button's token or the message's text
   */
  record Resume(
      String userId, String chatId, String title, Kind kind, String command, String text) {
    Resume {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(chatId, "chatId");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      if ((kind == Kind.COMMAND) != (command != null)) {
        throw new IllegalArgumentException("a command resume, and only it, has a command name");
      }
    }
  }

  private final StateStore state;
  private final String keyPrefix;
  private final SecureRandom random = new SecureRandom();

  TelegramResumes(StateStore state, String keyPrefix) {
    this.state = Objects.requireNonNull(state, "state");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  /** Remembers {@code resume}; returns the start payload that asks it again (24 characters). */
  String remember(Resume resume) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String payload = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      state.put(keyPrefix + payload, JSON.writeValueAsString(resume));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a resume", e);
    }
    return payload;
  }

  /** Whether a {@code /start} payload is one of ours rather than core's. */
  static boolean isResume(String payload) {
    return payload.startsWith(PREFIX) && payload.length() == PREFIX.length() + 22;
  }

  /**
   * The question {@code userId} asked behind {@code payload}, forgotten once taken; empty for an
   * unknown or used payload, or one another member's link carries.
   */
  Optional<Resume> take(String payload, String userId) {
    String key = keyPrefix + payload;
    Optional<String> stored = state.get(key).filter(json -> !json.isEmpty());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      Resume resume = JSON.readValue(stored.get(), Resume.class);
      if (!resume.userId().equals(userId)) {
        return Optional.empty();
      }
      state.put(key, "");
      return Optional.of(resume);
    } catch (JsonProcessingException e) {
      log.warn("Unreadable Telegram resume {}: {}", payload, e.getOriginalMessage());
      return Optional.empty();
    }
  }
}
