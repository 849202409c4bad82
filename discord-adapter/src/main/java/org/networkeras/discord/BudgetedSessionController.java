package org.networkeras.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.networkeras.cluster.IdentifyBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's session controller (which spaces logins and runs {@code max_concurrency} buckets at once),
 * with every session start first spending one login of the token's daily budget, shared by all
 * instances through the database ({@link IdentifyBudget}). JDA hands the controller every start of
 * a new gateway session (the first login, and a reconnect that cannot resume); a resume of a live
 * session does not pass here and spends nothing. When the budget is spent, the start waits, after
 * one log line saying when the budget resets, and goes on once it has. Optionally points every
 * session at one known gateway (a Discord-compatible server).
 */
final class BudgetedSessionController extends ConcurrentSessionController {

  private static final Logger LOG = LoggerFactory.getLogger(BudgetedSessionController.class);

  private final IdentifyBudget budget;
  private final String tokenHash;
  private final Clock clock;
  private final Duration checkEvery;
  private final String gatewayUrl;
  private final Map<SessionConnectNode, SessionConnectNode> budgeted = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> waitingUntil = new AtomicReference<>();

  /**
   * @param checkEvery how often a start held back by a spent budget looks at the clock again
   * @param gatewayUrl the gateway every session connects to, or null for Discord's
   */
  BudgetedSessionController(
      IdentifyBudget budget,
      String tokenHash,
      Clock clock,
      Duration checkEvery,
      String gatewayUrl) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
    this.gatewayUrl = gatewayUrl;
  }

  @Override
  public String getGateway() {
    return gatewayUrl != null ? gatewayUrl : super.getGateway();
  }

  @Override
  public void appendSession(SessionConnectNode node) {
    SessionConnectNode spending = new Spending(node);
    budgeted.put(node, spending);
    super.appendSession(spending);
  }

  @Override
  public void removeSession(SessionConnectNode node) {
    SessionConnectNode spending = budgeted.remove(node);
    super.removeSession(spending != null ? spending : node);
  }

  /** When the budget resets, while a session start waits for it; empty otherwise. */
  Optional<Instant> waitingUntil() {
    return Optional.ofNullable(waitingUntil.get());
  }

  /** Spends one login, waiting for the budget's reset while it is spent. */
  private void spend(JDA.ShardInfo shard) throws InterruptedException {
    IdentifyBudget.Spend spend = budget.spend(tokenHash);
    if (spend.granted()) {
      return;
    }
    LOG.warn(
        "Discord login budget of this bot token spent (shared by every instance on this database):"
            + " shard {} waits until it resets at {}",
        shard == null ? "0/1" : shard.getShardString(),
        spend.resetsAt());
    waitingUntil.set(spend.resetsAt());
    try {
      while (!spend.granted()) {
        Thread.sleep(checkEvery.toMillis());
        if (!clock.instant().isBefore(spend.resetsAt())) {
          spend = budget.spend(tokenHash);
          if (!spend.granted()) {
            waitingUntil.set(spend.resetsAt());
          }
        }
      }
    } finally {
      waitingUntil.set(null);
    }
    LOG.info(
        "Discord login budget reset: shard {} logs in",
        shard == null ? "0/1" : shard.getShardString());
  }

  /** A session start that spends a login before it runs. */
  private final class Spending implements SessionConnectNode {
    private final SessionConnectNode node;

    Spending(SessionConnectNode node) {
      this.node = node;
    }

    @Override
    public boolean isReconnect() {
      return node.isReconnect();
    }

    @Override
    public JDA getJDA() {
      return node.getJDA();
    }

    @Override
    public JDA.ShardInfo getShardInfo() {
      return node.getShardInfo();
    }

    @Override
    public void run(boolean isLast) throws InterruptedException {
      budgeted.remove(node);
      spend(node.getShardInfo());
      node.run(isLast);
    }
  }
}
