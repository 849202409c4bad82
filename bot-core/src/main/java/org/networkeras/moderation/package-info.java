/**
 * The moderation log: every privileged action (a suggestion and its review, an edit, a
 * cancellation, a settings change, a link) is recorded and never deleted; {@code /log} shows the
 * last ones to moderators.
 */
package org.networkeras.moderation;
