package org.networkeras.community;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.networkeras.i18n.Language;

/**
 * Stores communities, which platform groups belong to them, and which community each member last
 * used (so a direct chat knows which catalog to show). Thread-safe; writes are committed when a
 * method returns.
 */
public interface CommunityRepository {

  /**
   * The community a platform group belongs to, creating it (and the link) from {@code template} the
   * first time; two concurrent calls for the same group create one community.
   *
   * @param groupKey the platform group's key, e.g. {@code discord:1234} or {@code console:paris}
   * @param template the community to create when the group is new ({@code id} ignored)
   */
  Community findOrCreate(String groupKey, Community template);

  Optional<Community> find(long id);

  /** The community a platform group belongs to, if any. */
  Optional<Community> findByGroup(String groupKey);

  /** Replaces the stored settings of the community with the same id. */
  void update(Community community);

  /** Sets the community's zone alone (other settings stay as another writer left them). */
  void setZone(long communityId, ZoneId zone);

  /** Sets the community's reply language alone, or {@code null} to follow each member's. */
  void setLanguage(long communityId, Language language);

  /** Sets the community's default city alone, or {@code null} for none. */
  void setDefaultCity(long communityId, String city);

  /** Sets the community's display name alone (user-supplied text: a chat title). */
  void rename(long communityId, String name);

  /** Records that a member used a community at {@code at}. */
  void touchMember(String userKey, long communityId, Instant at);

  /** The community a member used last, if any. */
  Optional<Community> lastCommunityOf(String userKey);
}
