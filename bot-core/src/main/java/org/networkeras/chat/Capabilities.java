package org.networkeras.chat;

import java.util.Objects;

/**
 * What a platform adapter can show and how fast it may send. Core decides by these, never by the
 * platform's name: an adapter declares them on its {@link ChatGateway}.
 *
 * @param forms whether a command can answer with a form the member fills in at once (a Discord
 *     modal); without it, core asks its questions one message at a time
 * @param selectMenusInForms whether a form can hold a menu to pick one of a few values
 * @param ephemeralReplies whether a reply in a group can be shown to the member who asked only (a
 *     Discord ephemeral reply); without it, such a reply is addressed to the member in the group
 *     and only {@link Visibility#SECRET} content goes to a private chat
 * @param fileAttachments whether a reply can carry a file (an {@code .ics})
 * @param sendLimits how fast the bot may send on its own
 * @param personNaming how a member names another person in a command there
 */
public record Capabilities(
    boolean forms,
    boolean selectMenusInForms,
    boolean ephemeralReplies,
    boolean fileAttachments,
    SendLimits sendLimits,
    PersonNaming personNaming) {

  /**
   * How a member names another person in a command ({@code /settings moderator add …}). Core takes
   * a person only from what the platform identifies, never from a display name; this says what the
   * platform offers, and so what core accepts and which hint it gives when a name is missing or
   * matches nobody.
   */
  public enum PersonNaming {
    /** The word typed is the person's platform id (the console, where names are ids). */
    TYPED_ID,
    /** The command offers a person picker the platform fills with an id (a Discord user option). */
    PICKER,
    /**
     * The member replies to one of the person's messages with the command, or mentions them (a
     * Telegram {@code @username} the bot has seen, or a name picked from the mention list).
     */
    REPLY_OR_MENTION;

    /** The word naming it in message keys: {@code typed_id}, {@code picker}… */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What every adapter can do: text and buttons, no forms, no ephemeral replies, no files, no
   * limits, people named by their id. Core assumes it for a platform whose adapter has not declared
   * anything.
   */
  public static final Capabilities PLAIN =
      new Capabilities(false, false, false, false, SendLimits.UNLIMITED);

  /** Capabilities of a platform where people are named by their typed id. */
  public Capabilities(
      boolean forms,
      boolean selectMenusInForms,
      boolean ephemeralReplies,
      boolean fileAttachments,
      SendLimits sendLimits) {
    this(
        forms,
        selectMenusInForms,
        ephemeralReplies,
        fileAttachments,
        sendLimits,
        PersonNaming.TYPED_ID);
  }

  public Capabilities {
    Objects.requireNonNull(sendLimits, "sendLimits");
    Objects.requireNonNull(personNaming, "personNaming");
    if (selectMenusInForms && !forms) {
      throw new IllegalArgumentException("select menus in forms need forms");
    }
  }
}
