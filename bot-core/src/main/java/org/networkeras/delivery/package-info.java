/**
 * Delivery of the messages core sends on its own initiative (reminders, announcements): the {@link
 * org.networkeras.delivery.Outbox} they are written to under a unique key before being sent, the
 * worker that sends due ones through each platform's {@link org.networkeras.chat.ChatGateway}
 * within the platform's rate limits, and {@link org.networkeras.delivery.Delivery}, which runs that
 * worker from a persistent scheduler (db-scheduler) and owns its lifecycle.
 *
 * <p>Guarantees: a message is marked delivered only after the platform accepted it; a process
 * killed at any moment loses nothing and re-sends at most the messages it had in flight (adapters
 * that can make the platform drop a repeat use the delivery key for that); a message whose expiry
 * passed is dropped, never sent late.
 */
package org.networkeras.delivery;
