package org.networkeras.community;

/**
 * Which catalog a conversation speaks for, so a reply in a direct chat can say whose events it
 * shows and how to see another group's: a direct chat has no community of its own to show.
 */
public enum ChatReach {
  /** A group chat: its community's catalog. */
  GROUP,
  /** A direct chat answering for the group where the member last used the bot. */
  DIRECT_FOR_GROUP,
  /** A direct chat of a member who has used the bot in no group yet: a catalog of its own. */
  DIRECT_OWN
}
