package org.networkeras.command;

import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Role;
import org.networkeras.community.Community;

/**
 * Decides what a member may do in a community: what the platform grants, raised by what the
 * community's settings say. Implementations are thread-safe.
 */
public interface RoleResolver {

  /** Grants exactly what the platform grants. */
  RoleResolver PLATFORM_ONLY = (community, user) -> user.grantedRole();

  /** The member's effective role in {@code community}; never lower than the platform grant. */
  Role roleOf(Community community, ChatUser user);
}
