package org.networkeras.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;

/**
 * A gateway that records every message handed to it (thread-safe) and answers as {@code behaviour}
 * says for its key: delivered by default.
 */
final class RecordingGateway implements ChatGateway {

  /** One message handed to the gateway. */
  record Sent(String key, Object to, Reply reply, String thread) {}

  private final Platform platform;
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, AtomicInteger> sendsByKey = new ConcurrentHashMap<>();
  private final AtomicInteger messageIds = new AtomicInteger();
  private volatile Function<String, DeliveryResult> behaviour;

  RecordingGateway(Platform platform) {
    this.platform = platform;
    this.behaviour = key -> new DeliveryResult.Delivered("m" + messageIds.incrementAndGet());
  }

  /** Answers with {@code newBehaviour} from now on (it may also throw or block). */
  RecordingGateway answering(Function<String, DeliveryResult> newBehaviour) {
    this.behaviour = newBehaviour;
    return this;
  }

  /** This gateway for its platform, nothing for the others. */
  Function<Platform, Optional<ChatGateway>> asLookup() {
    return p -> p == platform ? Optional.of(this) : Optional.empty();
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
    return record(deliveryKey, to, reply);
  }

  @Override
  public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    return record(deliveryKey, to, reply);
  }

  private DeliveryResult record(String key, Object to, Reply reply) {
    synchronized (sent) {
      sent.add(new Sent(key, to, reply, Thread.currentThread().getName()));
    }
    sendsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    return behaviour.apply(key);
  }

  List<Sent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  List<String> keys() {
    return sent().stream().map(Sent::key).toList();
  }

  int sends(String key) {
    AtomicInteger count = sendsByKey.get(key);
    return count == null ? 0 : count.get();
  }

  Map<String, AtomicInteger> sendsByKey() {
    return sendsByKey;
  }
}
