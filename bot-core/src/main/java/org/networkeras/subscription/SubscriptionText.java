package org.networkeras.subscription;

import java.util.List;
import org.networkeras.command.CommandContext;

/** How subscriptions read in replies: {@code Bloggers (family)}, {@code #kotlin (tag)}. */
final class SubscriptionText {

  private SubscriptionText() {}

  static String label(CommandContext context, Subscription subscription) {
    String name =
        switch (subscription.kind()) {
          case FAMILY -> context.text("family." + subscription.value());
          case SLOT -> context.text("slot." + subscription.value());
          case CITY -> subscription.value();
          case TAG -> "#" + subscription.value();
        };
    return name + " (" + context.text("subs.kind." + subscription.kind().key()) + ")";
  }

  static String labels(CommandContext context, List<Subscription> subscriptions) {
    return String.join(", ", subscriptions.stream().map(s -> label(context, s)).toList());
  }
}
