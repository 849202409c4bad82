package org.networkeras.delivery;

import org.networkeras.chat.DeliveryResult;

/**
 * Work other than a chat message that the outbox carries with the same promises: written under a
 * unique key in the transaction that caused it, done at most once per key after it was recorded,
 * retried with back-off while it fails in a way that may pass, claimed by one worker at a time. An
 * item is this operation's when its key starts with {@link #keyPrefix()}; its target names the
 * platform (for the rate limits) and its reply is only a description for the logs, never sent.
 *
 * <p>A crash after the operation took effect and before its outcome was recorded makes the worker
 * perform it again once its claim lapses: {@link #perform} must make a repeat harmless (look for
 * what a first attempt did before doing it again). Implementations are thread-safe.
 */
public interface OutboxOperation {

  /** The prefix of this operation's keys ({@code scheduled-event:}); never empty. */
  String keyPrefix();

  /**
   * Performs one item, as a gateway sends a message: {@link DeliveryResult.Delivered} when done, or
   * why it failed and whether trying again may help. A throw counts as a retryable failure.
   */
  DeliveryResult perform(OutgoingMessage item);
}
