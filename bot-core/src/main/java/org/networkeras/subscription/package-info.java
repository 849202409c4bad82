/**
 * Subscriptions: {@code /subscribe}, {@code /unsubscribe} and {@code /subscriptions}, and the
 * direct messages that tell members of newly published events matching them, at most one an hour
 * per member (see {@link org.networkeras.subscription.SubscriptionService}).
 */
package org.networkeras.subscription;
