package org.networkeras.discord;

import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the gateway sessions JDA took up again after losing them (resumed or recreated), for
 * metrics. Thread-safe.
 */
final class DiscordSessionWatch extends ListenerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordSessionWatch.class);

  private final AtomicLong reconnects = new AtomicLong();

  @Override
  public void onSessionDisconnect(SessionDisconnectEvent event) {
    LOG.warn("Discord gateway disconnected; JDA reconnects");
  }

  @Override
  public void onSessionResume(SessionResumeEvent event) {
    reconnects.incrementAndGet();
    LOG.info("Discord gateway session resumed");
  }

  @Override
  public void onSessionRecreate(SessionRecreateEvent event) {
    reconnects.incrementAndGet();
    LOG.info("Discord gateway session recreated");
  }

  long reconnects() {
    return reconnects.get();
  }
}
