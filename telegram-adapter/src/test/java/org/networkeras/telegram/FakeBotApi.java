package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * until an update arrives (a long poll); {@code sendMessage}, {@code editMessageText} and {@code
 * sendDocument} answer with the message Telegram would have sent (its own id, the chat, the text
 * and keyboard); chat administrators are set per chat; any method can be given scripted answers
 * (429, 409…). Every call is recorded with its JSON body and arrival time.
 *
 * <p>Updates given with {@link #send} or {@link #queueUpdate} are kept as Telegram keeps them: each
 * {@code getUpdates} answers those from its {@code offset} on, forgetting the ones below it
 * (confirmed), so an instance that dies before confirming a batch gets it again, and another poller
 * picks up where the confirmed offset stands. Batches given with {@link #queueUpdates} are answered
 * once each, in order, whatever the offset, until the first {@link #send} or {@link #queueUpdate}.
 *
 * <p>Telegram lets a bot write to a person only after the person has started it; after {@link
 * #refusePrivateChatsUntilStarted()}, sends to a person whose private chat has sent no update yet
 * are refused with Telegram's 403 answer.
 */
public final class FakeBotApi implements AutoCloseable {

  public static final String TOKEN = "123456789:AAH-secret-token-never-logged";

  /**
   * One Bot API call as the server received it.
   *
   * @param messageId the id of the message the call sent or edited, or 0
   * @param door the port the call came in by ({@link #url()} or an {@link #openDoor()})
   */
  public record Call(String method, JsonNode body, long receivedNanos, int messageId, int door) {
    public Call(String method, JsonNode body, long receivedNanos, int messageId) {
      this(method, body, receivedNanos, messageId, 0);
    }

    Call(String method, JsonNode body, long receivedNanos) {
      this(method, body, receivedNanos, 0);
    }
  }

  private static final String WAKE_UP = "wake up";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<MockWebServer> doors = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Dispatcher dispatcher;
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
  private final Object updateArrivals = new Object();
  private final Object callArrivals = new Object();
  private final AtomicInteger updateIds = new AtomicInteger(700_000);
  private final Map<String, String> administrators = new ConcurrentHashMap<>();
  private final java.util.Set<String> startedChats = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile boolean privateChatsNeedStart;
  private final long holdMillis;

  /**
   * @param holdMillis how long an idle {@code getUpdates} is held open before answering empty
   */
  public FakeBotApi(long holdMillis) throws IOException {
    this.holdMillis = holdMillis;
    this.dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return answer(request);
          }
        };
    server.setDispatcher(dispatcher);
    // mockwebserver 5.5.1 asks OkHttp's internal Platform for this, which okhttp-jvm 5.4.0 (the
    // one OkHttp of the launcher) lacks: give it a factory directly.
    server.setServerSocketFactory(new NoDelaySockets());
    server.start();
  }

  public URI url() {
    return URI.create("http://" + server.getHostName() + ":" + server.getPort());
  }

  /**
   * Opens another way in to this same server: another port, answering from the same updates and
   * recording into the same calls, each {@link Call} saying by which {@link Call#door()} it came.
   * Two bot instances given a door each can then be told apart in the records.
   *
   * @return the door's address, as {@code TELEGRAM_API_URL} would give it
   */
  public URI openDoor() throws IOException {
    MockWebServer door = new MockWebServer();
    door.setDispatcher(dispatcher);
    door.setServerSocketFactory(new NoDelaySockets());
    door.start();
    doors.add(door);
    return URI.create("http://" + door.getHostName() + ":" + door.getPort());
  }

  /** Telegram will return this {@code getUpdates} answer to the next poll. */
  public void queueUpdates(String getUpdatesAnswer) {
    batches.add(getUpdatesAnswer);
    synchronized (updateArrivals) {
      updateArrivals.notifyAll();
    }
  }

  /**
   * Queues one update as a person's client would cause it, written without its {@code update_id}
   * (Telegram numbers updates; this server does too). A message from a private chat opens that chat
   * for the bot's messages.
   *
   * @param update an Update object such as {@code {"message":{…}}}
   * @return the update's id
   */
  public int queueUpdate(String update) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode node =
          (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(update);
      int id = updateIds.incrementAndGet();
      node.put("update_id", id);
      send(id, node.toString());
      return id;
    } catch (IOException e) {
      throw new IllegalArgumentException("not an update: " + update, e);
    }
  }

  /**
   * Telegram will hold this update ({@code {"update_id":…}}) for the bot until a {@code getUpdates}
   * confirms it by asking from a higher offset. A message from a private chat opens that chat for
   * the bot's messages.
   */
  public void send(int updateId, String updateJson) {
    try {
      JsonNode chat = JSON.readTree(updateJson).path("message").path("chat");
      if ("private".equals(chat.path("type").asText())) {
        startedChats.add(chat.path("id").asText());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not an update: " + updateJson, e);
    }
    unconfirmed.put(updateId, updateJson);
    telegramLike = true;
    synchronized (updateArrivals) {
      updateArrivals.notifyAll();
    }
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

  /** The replies sent to chat {@code chatId} so far and not taken (their texts). */
  public List<String> textsSentTo(long chatId) {
    return queue("sendmessage").stream()
        .filter(call -> call.body().path("chat_id").asLong() == chatId)
        .map(call -> call.body().path("text").asText())
        .toList();
  }

  /** The administrators {@code getChatAdministrators} lists for a chat, as a JSON array. */
  public void administrators(String chatId, String chatMembersJson) {
    administrators.put(chatId, chatMembersJson);
  }

  /** Refuses messages to people who have not started the bot, as Telegram does. */
  public void refusePrivateChatsUntilStarted() {
    privateChatsNeedStart = true;
  }

  /**
   * The first recorded call of {@code method} whose body satisfies {@code test}, waiting for it;
   * calls that do not match stay recorded for later takes.
   */
  public Call take(String method, java.util.function.Predicate<JsonNode> test)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    BlockingQueue<Call> recorded = queue(method);
    synchronized (callArrivals) {
      while (true) {
        for (Call call : recorded) {
          if (test.test(call.body()) && recorded.remove(call)) {
            return call;
          }
        }
        long left = deadline - System.nanoTime();
        assertThat(left).as("a matching %s call within a minute", method).isPositive();
        TimeUnit.NANOSECONDS.timedWait(callArrivals, left);
      }
    }
  }

  /** The calls of {@code method} recorded and not taken yet, without waiting. */
  public List<Call> pending(String method) {
    return List.copyOf(queue(method));
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
    closed = true;
    synchronized (updateArrivals) {
      updateArrivals.notifyAll();
    }
    for (int i = 0; i < 8; i++) {
      batches.add(WAKE_UP);
    }
    server.close();
    doors.forEach(MockWebServer::close);
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    List<String> path = request.getUrl().pathSegments();
    if (path.size() != 2 || !path.get(0).equals("bot" + TOKEN)) {
      return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }
    // Bot API method names are case-insensitive; the library sends them in lower case.
    String method = canonical(path.get(1));
    JsonNode body = method.equals("senddocument") ? multipartChat(request) : body(request);
    long received = System.nanoTime();
    int door = request.getUrl().port();
    counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    Deque<MockResponse> script = scripted.get(method);
    MockResponse next = script == null ? null : script.pollFirst();
    if (method.equals("sendmessage") || method.equals("senddocument")) {
      int id = messageIds.incrementAndGet();
      MockResponse response = next != null ? next : sent(body, method.equals("senddocument"), id);
      record(new Call(method, body, received, response.getCode() == 200 ? id : 0, door));
      return response;
    }
    if (method.equals("editmessagetext")) {
      record(new Call(method, body, received, body.path("message_id").asInt(), door));
    } else {
      record(new Call(method, body, received, 0, door));
    }
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
      case "getchatadministrators" ->
          ok(administrators.getOrDefault(body.path("chat_id").asText(), "[]"));
      case "getchatmember" -> ok(chatMember(body));
      case "editmessagetext" -> edited(body);
      case "getupdates" -> poll(body);
      default -> json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    };
  }

  /**
   * A long poll. Until the first {@link #send}, a batch queued whole ({@link #queueUpdates}) as it
   * is; from then on, as Telegram does, the updates from the poll's offset on, the ones below it
   * forgotten (confirmed), waiting up to the hold time for one to arrive.
   */
  private MockResponse poll(JsonNode poll) throws InterruptedException {
    int now = pollsNow.incrementAndGet();
    mostPollsAtOnce.accumulateAndGet(now, Math::max);
    try {
      if (telegramLike && poll.has("offset")) {
        int offset = poll.get("offset").asInt();
        highestOffset.accumulateAndGet(offset, Math::max);
        unconfirmed.headMap(offset).clear();
      }
      int limit = poll.path("limit").asInt(100);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis);
      synchronized (updateArrivals) {
        while (true) {
          if (!telegramLike) {
            String batch = batches.poll();
            if (WAKE_UP.equals(batch)) {
              batches.add(WAKE_UP);
              return ok("[]");
            }
            if (batch != null) {
              return json(200, batch);
            }
          }
          List<String> from =
              unconfirmed.values().stream().limit(limit <= 0 ? 100 : limit).toList();
          long left = deadline - System.nanoTime();
          if (!from.isEmpty() || left <= 0 || closed) {
            return ok("[" + String.join(",", from) + "]");
          }
          TimeUnit.NANOSECONDS.timedWait(updateArrivals, left);
        }
      }
    } finally {
      pollsNow.decrementAndGet();
    }
  }

  /**
   * The message Telegram answers a send with, or its 403 for a person who never started the bot.
   */
  private MockResponse sent(JsonNode send, boolean document, int messageId) {
    String chatId = send.path("chat_id").asText();
    boolean person = !chatId.startsWith("-");
    if (person && privateChatsNeedStart && !startedChats.contains(chatId)) {
      return json(
          403,
          """
          {"ok":false,"error_code":403,\
          "description":"Forbidden: bot can't initiate conversation with a user"}""");
    }
    com.fasterxml.jackson.databind.node.ObjectNode message = JSON.createObjectNode();
    message.put("message_id", messageId);
    message.put("date", 1767225600);
    message.set("from", bot());
    message.set("chat", chat(chatId));
    if (document) {
      message.set(
          "document", JSON.createObjectNode().put("file_id", "f").put("file_unique_id", "u"));
    } else {
      message.put("text", send.path("text").asText());
    }
    if (send.has("reply_markup")) {
      message.set("reply_markup", send.get("reply_markup"));
    }
    return ok(message.toString());
  }

  private MockResponse edited(JsonNode edit) {
    com.fasterxml.jackson.databind.node.ObjectNode message = JSON.createObjectNode();
    message.put("message_id", edit.path("message_id").asInt());
    message.put("date", 1767225600);
    message.put("edit_date", 1767225601);
    message.set("from", bot());
    message.set("chat", chat(edit.path("chat_id").asText()));
    message.put("text", edit.path("text").asText());
    if (edit.has("reply_markup")) {
      message.set("reply_markup", edit.get("reply_markup"));
    }
    return ok(message.toString());
  }

  private String chatMember(JsonNode query) {
    String chatId = query.path("chat_id").asText();
    String userId = query.path("user_id").asText();
    try {
      for (JsonNode member : JSON.readTree(administrators.getOrDefault(chatId, "[]"))) {
        if (member.path("user").path("id").asText().equals(userId)) {
          return member.toString();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return """
        {"status":"member","user":{"id":%s,"is_bot":false,"first_name":"Member"}}"""
        .formatted(userId);
  }

  private static JsonNode bot() {
    return JSON.createObjectNode()
        .put("id", 999999999)
        .put("is_bot", true)
        .put("first_name", "Networkeras")
        .put("username", "NetworkerasBot");
  }

  private static JsonNode chat(String chatId) {
    com.fasterxml.jackson.databind.node.ObjectNode chat = JSON.createObjectNode();
    chat.put("id", Long.parseLong(chatId));
    if (chatId.startsWith("-")) {
      chat.put("type", "supergroup").put("title", "Paris Tech");
    } else {
      chat.put("type", "private").put("first_name", "Member");
    }
    return chat;
  }

  /**
   * A multipart {@code sendDocument} as a JSON object like other calls' bodies: its {@code
   * chat_id}, and its {@code document} part's {@code file_name}, {@code content_type} and {@code
   * content} (the bytes as UTF-8 text).
   */
  private static JsonNode multipartChat(RecordedRequest request) {
    com.fasterxml.jackson.databind.node.ObjectNode fields =
        JSON.createObjectNode().put("chat_id", "0");
    String type = request.getHeaders().get("Content-Type");
    okhttp3.MediaType mediaType = type == null ? null : okhttp3.MediaType.parse(type);
    if (mediaType == null || request.getBody() == null) {
      return fields;
    }
    try (okhttp3.MultipartReader reader =
        new okhttp3.MultipartReader(
            new okio.Buffer().write(request.getBody()), mediaType.parameter("boundary"))) {
      for (okhttp3.MultipartReader.Part part = reader.nextPart();
          part != null;
          part = reader.nextPart()) {
        String disposition = part.headers().get("Content-Disposition");
        java.util.regex.Matcher name =
            java.util.regex.Pattern.compile("name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?")
                .matcher(disposition == null ? "" : disposition);
        if (!name.find()) {
          continue;
        }
        String content = part.body().readUtf8();
        if (name.group(1).equals("chat_id")) {
          fields.put("chat_id", content.strip());
        } else if (name.group(1).equals("document")) {
          fields.put("document", content.strip());
        } else if (name.group(2) != null) {
          fields
              .put("file_name", name.group(2))
              .put("content_type", part.headers().get("Content-Type"))
              .put("content", content);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return fields;
  }

  private static JsonNode body(RecordedRequest request) {
    try {
      String text = request.getBody() == null ? "" : request.getBody().utf8();
      return text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
    } catch (IOException e) {
      return NullNode.getInstance();
    }
  }

  private void record(Call call) {
    queue(call.method()).add(call);
    synchronized (callArrivals) {
      callArrivals.notifyAll();
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

  /**
   * Server sockets whose connections send each write at once (TCP_NODELAY). MockWebServer writes an
   * answer's head and body apart; with Nagle's algorithm the body then waits for the client's
   * delayed acknowledgement of the head, about 40 ms on Linux loopback: every call would take 40 ms
   * longer than against the real platform, capping a sender at some 20 calls a second.
   */
  static final class NoDelaySockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = new Socket();
          implAccept(socket);
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return createServerSocket(port, 50);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }
}
