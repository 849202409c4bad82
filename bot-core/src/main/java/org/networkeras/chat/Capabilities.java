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
 */
public record Capabilities(
    boolean forms,
    boolean selectMenusInForms,
    boolean ephemeralReplies,
    boolean fileAttachments,
    SendLimits sendLimits) {

  /**
   * What every adapter can do: text and buttons, no forms, no ephemeral replies, no files, no
   * limits. Core assumes it for a platform whose adapter has not declared anything.
   */
  public static final Capabilities PLAIN =
      new Capabilities(false, false, false, false, SendLimits.UNLIMITED);

  public Capabilities {
    Objects.requireNonNull(sendLimits, "sendLimits");
    if (selectMenusInForms && !forms) {
      throw new IllegalArgumentException("select menus in forms need forms");
    }
  }
}
