package org.networkeras.chat;

/** Who sees a reply. */
public enum Visibility {
  /** Everyone in the conversation. */
  PUBLIC,
  /**
   * Meant for the member who asked, but harmless if others see it (their RSVP confirmation, their
   * {@code /mine}, a question about their own suggestion). Where the platform has ephemeral replies
   * (Discord) only that member sees it; elsewhere (Telegram) it is answered in the group, addressed
   * to the member, and its buttons refuse other members' presses.
   */
  PRIVATE,
  /**
   * For the member's eyes only, never posted where others can read it (link codes, settings,
   * reminders): an ephemeral reply on Discord, the private chat on Telegram. When the private chat
   * cannot be reached, the group gets a short notice with a way to open it, never the content.
   */
  SECRET;

  /** Whether the reply is meant for the member who asked rather than the whole conversation. */
  public boolean personal() {
    return this != PUBLIC;
  }
}
