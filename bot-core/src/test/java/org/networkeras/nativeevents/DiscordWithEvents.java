package org.networkeras.nativeevents;

import java.util.Optional;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.ScheduledEvents;

/** The test harness's Discord gateway, with a calendar of scheduled events. */
final class DiscordWithEvents implements ChatGateway {

  private final ChatGateway chat;
  private final ScheduledEvents events;

  DiscordWithEvents(ChatGateway chat, ScheduledEvents events) {
    this.chat = chat;
    this.events = events;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public Capabilities capabilities() {
    return chat.capabilities();
  }

  @Override
  public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
    return chat.send(to, reply, deliveryKey);
  }

  @Override
  public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    return chat.sendDirect(to, reply, deliveryKey);
  }

  @Override
  public Optional<ScheduledEvents> scheduledEvents() {
    return Optional.of(events);
  }
}
