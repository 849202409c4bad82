package org.networkeras.chat;

/**
 * What a member may do in a community. Adapters report what the platform grants; core decides every
 * permission.
 */
public enum Role {
  MEMBER,
  MODERATOR,
  ADMIN;

  /** Whether this role includes everything {@code other} may do. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
