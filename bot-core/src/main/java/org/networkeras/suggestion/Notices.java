package org.networkeras.suggestion;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.networkeras.catalog.Event;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Reply;
import org.networkeras.community.Community;
import org.networkeras.delivery.Delivery;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.settings.CommunitySettings;
import org.networkeras.settings.SettingsRepository;
import org.networkeras.settings.SettingsService;

/**
 * Who is told what about suggestions: the moderators of a new one (their chat, or each of them),
 * the author of a decision, the announcement chats of a publication. Each message goes to the
 * outbox in the caller's transaction; {@link #deliverNow} sends them after it committed.
 * Thread-safe.
 */
public final class Notices {

  private final SettingsService settings;
  private final Messages messages;
  private final Notifier notifier;

  public Notices(SettingsService settings, Delivery delivery, Messages messages, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.notifier = new Notifier(delivery, clock);
  }

  /** Whether the community publishes members' suggestions without review. */
  boolean isOpen(Community community) {
    return settings.settings(community).mode() == CommunitySettings.Mode.OPEN;
  }

  void notifyModerators(Community community, Event event, ChatUser author) {
    Reply reply =
        SuggestionText.newSuggestion(messages, languageOf(community), community, event, author);
    tellModerators(community, reply, "suggested:" + event.id(), author.key());
  }

  /**
   * Sends the moderators (their chat, or else each of them) a text in the community's language:
   * {@code messageKey} with {@code subject} and, second, the text of {@code reasonKey}.
   */
  void tellModerators(
      Community community,
      String deliveryKey,
      String messageKey,
      String subject,
      String reasonKey,
      Object reasonArgument) {
    Language language = languageOf(community);
    String reason = messages.get(language, reasonKey, reasonArgument);
    Reply reply =
        Reply.builder(language.locale())
            .line(
                org.networkeras.chat.Line.text(messages.get(language, messageKey, subject, reason)))
            .build();
    tellModerators(community, reply, deliveryKey, null);
  }

  private void tellModerators(Community community, Reply reply, String key, String authorKey) {
    CommunitySettings current = settings.settings(community);
    Conversation chat = current.moderatorsChat();
    if (chat != null) {
      notifier.post(chat, reply, key + ":" + chat.key());
      return;
    }
    Set<String> moderators = new LinkedHashSet<>(current.admins());
    moderators.addAll(current.moderators());
    for (SettingsRepository.Member member : settings.moderators(community)) {
      moderators.add(member.userKey());
    }
    moderators.remove(authorKey);
    for (String moderator : moderators) {
      notifier.tell(moderator, nameOf(community, moderator), reply, key + ":" + moderator);
    }
  }

  void tellAuthor(Community community, Event event, String messageKey, String reason) {
    if (event.author() == null) {
      return;
    }
    Reply reply =
        SuggestionText.decision(
            messages, languageOf(community), community, event, messageKey, reason);
    notifier.tell(
        event.author(), nameOf(community, event.author()), reply, "decision:" + event.id());
  }

  void announce(Community community, Event event) {
    Reply reply = SuggestionText.announcement(messages, languageOf(community), community, event);
    for (Conversation to : settings.settings(community).announceTo()) {
      notifier.post(to, reply, "announce:" + event.id() + ":" + to.key());
    }
  }

  /** Sends at once what the committed change queued; never throws. */
  void deliverNow() {
    notifier.deliverNow();
  }

  /** A member's name as the community last saw it, or their key. */
  String nameOf(Community community, String userKey) {
    return settings
        .member(community, userKey)
        .filter(m -> m.userKey().equals(userKey))
        .map(SettingsRepository.Member::displayName)
        .orElse(userKey);
  }

  private static Language languageOf(Community community) {
    return community.language() != null ? community.language() : Language.EN;
  }
}
