package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Bot API server on loopback that answers like Telegram: {@code getUpdates} holds the call open
 * until a batch is queued (a long poll), other methods answer at once, and any method can be given
 * scripted answers (429, 409…). Every call is recorded with its JSON body and arrival time.
 *
 * <p>Updates given with {@link #send} are kept as Telegram keeps them: each {@code getUpdates}
 * answers those from its {@code offset} on, forgetting the ones below it (confirmed), so an
 * instance that dies before confirming a batch gets it again, and another poller picks up where the
 * confirmed offset stands. Batches given with {@link #queueUpdates} are answered once each, in
 * order, whatever the offset, until the first {@link #send}.
 */
public final class FakeBotApi implements AutoCloseable {

  public static final String TOKEN = "123456789:AAH-secret-token-never-logged";

  /** One Bot API call as the server received it. */
  public record Call(String method, JsonNode body, long receivedNanos) {}

  private static final String WAKE_UP = "wake up";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<String> batches = new LinkedBlockingQueue<>();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final Map<String, BlockingQueue<Call>> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicInteger messageIds = new AtomicInteger(1000);
  private final java.util.concurrent.ConcurrentSkipListMap<Integer, String> unconfirmed =
      new java.util.concurrent.ConcurrentSkipListMap<>();
  private volatile boolean telegramLike;
  private final AtomicInteger pollsNow = new AtomicInteger();
  private final AtomicInteger mostPollsAtOnce = new AtomicInteger();
  private final AtomicInteger highestOffset = new AtomicInteger();
  private final long holdMillis;

  /**
   * @param holdMillis how long an idle {@code getUpdates} is held open before answering empty
   */
  public FakeBotApi(long holdMillis) throws IOException {
    this.holdMillis = holdMillis;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return answer(request);
          }
        });
    // mockwebserver 5.5.1 asks OkHttp's internal Platform for this, which okhttp-jvm 5.4.0 (the
    // one OkHttp of the launcher) lacks: give it the JDK's factory directly.
    server.setServerSocketFactory(ServerSocketFactory.getDefault());
    server.start();
  }

  public URI url() {
    return URI.create("http://" + server.getHostName() + ":" + server.getPort());
  }

  /** Telegram will return this {@code getUpdates} answer to the next poll. */
  public void queueUpdates(String getUpdatesAnswer) {
    batches.add(getUpdatesAnswer);
  }

  /**
   * Telegram will hold this update ({@code {"update_id":…}}) for the bot until a {@code getUpdates}
   * confirms it by asking from a higher offset.
   */
  public void send(int updateId, String updateJson) {
    unconfirmed.put(updateId, updateJson);
    telegramLike = true;
  }

  /**
   * The highest {@code offset} a {@code getUpdates} asked from since the first {@link #send}: the
   * updates below it are confirmed, their handling finished.
   */
  public int highestOffsetAsked() {
    return highestOffset.get();
  }

  /** How many {@code getUpdates} calls the server held open at the same time, at most. */
  public int mostPollsAtOnce() {
    return mostPollsAtOnce.get();
  }

  /** The replies sent to chat {@code chatId} so far (their texts). */
  public List<String> textsSentTo(long chatId) {
    return queue("sendmessage").stream()
        .filter(call -> call.body().path("chat_id").asLong() == chatId)
        .map(call -> call.body().path("text").asText())
        .toList();
  }

  /** The next call of {@code method} gets this answer instead of the usual one. */
  void script(String method, int code, String body) {
    scripted
        .computeIfAbsent(canonical(method), m -> new ConcurrentLinkedDeque<>())
        .add(json(code, body));
  }

  /** The next recorded call of {@code method}, waiting for it to arrive. */
  public Call take(String method) throws InterruptedException {
    Call call = queue(method).poll(1, TimeUnit.MINUTES);
    assertThat(call).as("a %s call", method).isNotNull();
    return call;
  }

  /** Forgets the calls of {@code method} recorded so far. */
  void forget(String method) {
    queue(method).clear();
  }

  int count(String method) {
    return counts.computeIfAbsent(canonical(method), m -> new AtomicInteger()).get();
  }

  @Override
  public void close() {
    for (int i = 0; i < 8; i++) {
      batches.add(WAKE_UP);
    }
    server.close();
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    List<String> path = request.getUrl().pathSegments();
    if (path.size() != 2 || !path.get(0).equals("bot" + TOKEN)) {
      return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }
    // Bot API method names are case-insensitive; the library sends them in lower case.
    String method = canonical(path.get(1));
    queue(method).add(new Call(method, body(request), System.nanoTime()));
    counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    Deque<MockResponse> script = scripted.get(method);
    MockResponse next = script == null ? null : script.pollFirst();
    if (next != null) {
      return next;
    }
    return switch (method) {
      case "getme" ->
          ok(
              """
              {"id":999999999,"is_bot":true,"first_name":"Networkeras",\
              "username":"NetworkerasBot","can_join_groups":true,\
              "can_read_all_group_messages":false,"supports_inline_queries":false}""");
      case "deletewebhook", "setmycommands", "answercallbackquery" -> ok("true");
      case "getchatadministrators" -> ok("[]");
      case "sendmessage" ->
          ok(
              """
              {"message_id":%d,"date":1767225600,"chat":{"id":-1001234567890,\
              "type":"supergroup","title":"Paris Tech"},"text":"sent"}"""
                  .formatted(messageIds.incrementAndGet()));
      case "getupdates" -> {
        int now = pollsNow.incrementAndGet();
        mostPollsAtOnce.accumulateAndGet(now, Math::max);
        try {
          if (telegramLike) {
            yield telegramLikePoll(body(request));
          }
          String batch = batches.poll(holdMillis, TimeUnit.MILLISECONDS);
          if (WAKE_UP.equals(batch)) {
            batches.add(WAKE_UP);
            batch = null;
          }
          yield json(200, batch == null ? "{\"ok\":true,\"result\":[]}" : batch);
        } finally {
          pollsNow.decrementAndGet();
        }
      }
      default -> json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    };
  }

  /** Answers from the updates kept since {@link #send}, as Telegram does. */
  private MockResponse telegramLikePoll(JsonNode request) throws InterruptedException {
    if (request.has("offset")) {
      int offset = request.get("offset").asInt();
      highestOffset.accumulateAndGet(offset, Math::max);
      unconfirmed.headMap(offset).clear();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis);
    while (unconfirmed.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<String> updates =
        unconfirmed.values().stream().limit(request.path("limit").asInt(100)).toList();
    return ok("[" + String.join(",", updates) + "]");
  }

  private static JsonNode body(RecordedRequest request) {
    try {
      String text = request.getBody() == null ? "" : request.getBody().utf8();
      return text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
    } catch (IOException e) {
      return NullNode.getInstance();
    }
  }

  private BlockingQueue<Call> queue(String method) {
    return calls.computeIfAbsent(canonical(method), m -> new LinkedBlockingQueue<>());
  }

  private static String canonical(String method) {
    return method.toLowerCase(java.util.Locale.ROOT);
  }

  private static MockResponse ok(String result) {
    return json(200, "{\"ok\":true,\"result\":" + result + "}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
