package org.networkeras.discord;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A local stand-in for Discord: its REST API (the routes the adapter uses, answering with the JSON
 * Discord documents) and its gateway (HELLO, IDENTIFY, READY and one GUILD_CREATE, then the
 * INTERACTION_CREATE events a test writes: slash commands, button presses, modal submissions,
 * autocomplete) on one MockWebServer. It records the interaction callbacks, follow-ups, edits of
 * the original response and messages the bot sends. Users and channels whose id starts with {@code
 * blocked} or {@code busy} answer sends with error 50007 or a 429.
 *
 * <p>As Discord does, a message sent with a {@code nonce} and {@code enforce_nonce} that repeats
 * the nonce of a message already created in the channel creates nothing: the answer is the message
 * created the first time ({@link #created()} lists each message once, {@link #repeatsDropped()}
 * counts the repeats). {@link #openDoor()} opens another port onto the same server, so that two bot
 * instances can be told apart in the records.
 */
public final class FakeDiscord implements AutoCloseable {

  public static final String TOKEN = "fake-token-never-logged";
  static final String BOT_ID = "1000000000000000001";
  public static final String APPLICATION_ID = "1000000000000000002";
  public static final String GUILD_ID = "1000000000000000003";
  public static final String CHANNEL_ID = "1000000000000000004";

  /**
   * A second server, on the other shard of two than {@link #GUILD_ID} (Discord puts a guild on
   * shard {@code (id >> 22) % total}: this one on shard 0 of 2, the first on shard 1 of 2); a
   * session of one shard sees both.
   */
  public static final String OTHER_GUILD_ID = "1000000000004194307";

  /** The text channel of {@link #OTHER_GUILD_ID}. */
  public static final String OTHER_CHANNEL_ID = "1000000000000000005";

  static final String BLOCKED_USER = "2000000000000000001";
  static final String BUSY_USER = "2000000000000000002";

  /** The server's owner, whom Discord grants every permission (an admin to the bot). */
  public static final String MEMBER = "2000000000000000003";

  /** What the bot sent in answer to one interaction. */
  public enum AnswerKind {
    /** The interaction callback itself: a message (type 4), an update (7) or a modal (9). */
    CALLBACK,
    /** A follow-up message sent through the interaction's webhook. */
    FOLLOW_UP,
    /** An edit of the original response (after a deferral). */
    EDIT
  }

  /**
   * One answer to an interaction: its JSON as sent (the callback's {@code data}, or the message of
   * a follow-up or an edit), and whether only the member sees it.
   *
   * @param callbackType the callback's type (4 message, 7 update, 8 choices, 9 modal), or 0
   * @param files the files uploaded with it (the parts of a multipart request)
   */
  public record Answer(AnswerKind kind, int callbackType, DataObject message, List<Upload> files) {

    public Answer(AnswerKind kind, int callbackType, DataObject message) {
      this(kind, callbackType, message, List.of());
    }

    /** Whether the message has Discord's EPHEMERAL flag (1 << 6). */
    public boolean ephemeral() {
      return (message.getInt("flags", 0) & 64) != 0;
    }

    /** The message's text and its embeds' titles and descriptions, to look for words in. */
    public String text() {
      StringBuilder text = new StringBuilder(message.getString("content", ""));
      DataArray embeds = message.optArray("embeds").orElse(DataArray.empty());
      for (int i = 0; i < embeds.length(); i++) {
        DataObject embed = embeds.getObject(i);
        text.append('\n').append(embed.getString("title", ""));
        text.append('\n').append(embed.getString("description", ""));
      }
      return text.toString();
    }

    /** The custom id of the button labelled {@code label}, if the message has one. */
    public java.util.Optional<String> button(String label) {
      DataArray rows = message.optArray("components").orElse(DataArray.empty());
      for (int i = 0; i < rows.length(); i++) {
        DataArray buttons = rows.getObject(i).optArray("components").orElse(DataArray.empty());
        for (int j = 0; j < buttons.length(); j++) {
          DataObject button = buttons.getObject(j);
          if (label.equals(button.getString("label", null))) {
            return java.util.Optional.ofNullable(button.getString("custom_id", null));
          }
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * A file the bot uploaded, as the multipart part carried it.
   *
   * @param fileName the part's {@code filename}
   * @param contentType the part's {@code Content-Type}
   * @param content its bytes
   */
  public record Upload(String fileName, String contentType, byte[] content) {}

  /**
   * A message the bot created in a channel (a repeat dropped by its nonce is not one).
   *
   * @param channelId the channel it went to
   * @param recipient the user whose direct-message channel it is, or empty for a server channel
   * @param text its content and its embeds' titles and descriptions
   * @param door the port its request came in by
   * @param receivedNanos when its request arrived ({@link System#nanoTime()})
   */
  public record Created(
      String channelId, String recipient, String text, int door, long receivedNanos) {}

  private final MockWebServer server = new MockWebServer();
  private final List<MockWebServer> doors = new CopyOnWriteArrayList<>();
  private final Dispatcher dispatcher;
  private final List<Created> created = new CopyOnWriteArrayList<>();
  private final Map<String, DataObject> byNonce = new ConcurrentHashMap<>();
  private final AtomicLong repeatsDropped = new AtomicLong();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<DataObject> identifies = new LinkedBlockingQueue<>();
  private final Map<String, String> dmOwners = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(3000000000000000000L);
  private final Object arrivals = new Object();
  private volatile String gatewayTarget;
  private volatile Gateway gateway;
  private final Map<String, BlockingQueue<Answer>> answers = new ConcurrentHashMap<>();
  private final AtomicLong interactions = new AtomicLong(4000000000000000000L);
  private final Map<String, DataObject> scheduledEvents =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
  private volatile boolean eventPermissions;
  private volatile boolean refusingEvents;

  /** Create Events (1 << 44) and Manage Events (1 << 33), as Discord numbers them. */
  static final long EVENT_PERMISSIONS = (1L << 44) | (1L << 33);

  public FakeDiscord() throws IOException {
    dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        };
    server.setDispatcher(dispatcher);
    server.setServerSocketFactory(new NoDelaySockets());
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  /** The REST base URL, as {@code DISCORD_API_URL} would give it. */
  public String apiUrl() {
    return server.url("/api/v10/").toString();
  }

  /**
   * Opens another port onto this same server (same records, same gateway): a bot given it reaches
   * the gateway through it too, and what it creates says so ({@link Created#door()}).
   *
   * @return the door's REST base URL, as {@code DISCORD_API_URL} would give it
   */
  public String openDoor() throws IOException {
    MockWebServer door = new MockWebServer();
    door.setDispatcher(dispatcher);
    door.setServerSocketFactory(new NoDelaySockets());
    door.start(java.net.InetAddress.getLoopbackAddress(), 0);
    doors.add(door);
    return door.url("/api/v10/").toString();
  }

  /** The messages the bot created so far, each once, in the order their requests arrived. */
  public List<Created> created() {
    return List.copyOf(created);
  }

  /** How many sends repeated the nonce of a message already created, and so created nothing. */
  public long repeatsDropped() {
    return repeatsDropped.get();
  }

  /**
   * Gives the bot's role (the server's {@code @everyone}) Create Events and Manage Events from the
   * next connection on (its GUILD_CREATE); without it the bot has neither.
   */
  public FakeDiscord grantEventPermissions() {
    eventPermissions = true;
    return this;
  }

  /**
   * From now on the guild scheduled event routes answer 403 Missing Permissions (code 50013), as
   * Discord does when the permission was taken away while the bot's cache still says otherwise.
   */
  public void refuseEvents() {
    refusingEvents = true;
  }

  /** The guild scheduled events as Discord holds them now, in creation order. */
  public List<DataObject> scheduledEvents() {
    synchronized (scheduledEvents) {
      return scheduledEvents.values().stream().map(e -> DataObject.fromJson(e.toString())).toList();
    }
  }

  /** REST requests received so far (the gateway's upgrade request is left out). */
  List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public List<RecordedRequest> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().equals(path))
        .toList();
  }

  /**
   * The first REST request with this method and path, waiting up to {@code timeout} for it to
   * arrive.
   *
   * @throws AssertionError when none arrived in time
   */
  public RecordedRequest awaitRequest(String method, String path, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (arrivals) {
      while (true) {
        List<RecordedRequest> matching = requests(method, path);
        if (!matching.isEmpty()) {
          return matching.get(0);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + method + " " + path + " within " + timeout);
        }
        TimeUnit.NANOSECONDS.timedWait(arrivals, left);
      }
    }
  }

  BlockingQueue<DataObject> identifies() {
    return identifies;
  }

  /** The path and query JDA opened the gateway with. */
  String gatewayTarget() {
    return gatewayTarget;
  }

  /** Whether the bot has identified on the gateway, so interactions can reach it. */
  public boolean connected() {
    return gateway != null && !identifies.isEmpty();
  }

  /**
   * A member uses a slash command: {@code options} are name/value pairs of string options. In the
   * server's channel when {@code inServer}, else in the member's direct messages with the bot.
   *
   * @return the interaction's token, to await its answer with
   */
  public String slashCommand(
      Person person, boolean inServer, String name, Map<String, String> options) {
    DataArray rendered = DataArray.empty();
    options.forEach(
        (option, value) ->
            rendered.add(
                DataObject.empty().put("name", option).put("type", 3).put("value", value)));
    return interact(
        person,
        inServer,
        2,
        DataObject.empty()
            .put("id", Long.toString(ids.incrementAndGet()))
            .put("name", name)
            .put("type", 1)
            .put("options", rendered),
        null);
  }

  /** A member types in an autocompleted option of a slash command. */
  public String autocomplete(
      Person person, boolean inServer, String name, String option, String typed) {
    return interact(
        person,
        inServer,
        4,
        DataObject.empty()
            .put("id", Long.toString(ids.incrementAndGet()))
            .put("name", name)
            .put("type", 1)
            .put(
                "options",
                DataArray.empty()
                    .add(
                        DataObject.empty()
                            .put("name", option)
                            .put("type", 3)
                            .put("value", typed)
                            .put("focused", true))),
        null);
  }

  /** A member presses the button {@code customId} under a message the bot sent. */
  public String pressButton(Person person, boolean inServer, String customId, Answer shownIn) {
    String channel = inServer ? CHANNEL_ID : dmChannel(person.id());
    DataObject message =
        message(channel, shownIn.message())
            .put("components", shownIn.message().optArray("components").orElse(DataArray.empty()))
            .put("flags", shownIn.message().getInt("flags", 0));
    return interact(
        person,
        inServer,
        3,
        DataObject.empty().put("custom_id", customId).put("component_type", 2),
        message);
  }

  /**
   * A member submits the modal {@code modalId}: {@code texts} fill its text inputs, {@code picks}
   * its select menus (an empty string picks nothing), each inside a label as Discord sends them.
   */
  public String submitModal(
      Person person,
      boolean inServer,
      String modalId,
      Map<String, String> texts,
      Map<String, String> picks) {
    DataArray labels = DataArray.empty();
    for (Map.Entry<String, String> text : texts.entrySet()) {
      labels.add(
          label(
              labels.length(),
              DataObject.empty()
                  .put("type", 4)
                  .put("custom_id", text.getKey())
                  .put("value", text.getValue())));
    }
    for (Map.Entry<String, String> pick : picks.entrySet()) {
      DataArray values = DataArray.empty();
      if (!pick.getValue().isEmpty()) {
        values.add(pick.getValue());
      }
      labels.add(
          label(
              labels.length(),
              DataObject.empty()
                  .put("type", 3)
                  .put("custom_id", pick.getKey())
                  .put("values", values)));
    }
    return interact(
        person,
        inServer,
        5,
        DataObject.empty().put("custom_id", modalId).put("components", labels),
        null);
  }

  /**
   * A member writes {@code text} in the server's channel (a MESSAGE_CREATE, which Discord sends
   * only to bots that asked for messages; the test sends it regardless, to show it gets no answer).
   */
  public void postMessage(Person person, String text) {
    Gateway open = gateway;
    if (open == null) {
      throw new IllegalStateException("the bot has not connected to the gateway");
    }
    DataObject author = user(person.id(), person.name(), false);
    open.dispatch(
        "MESSAGE_CREATE",
        message(CHANNEL_ID, DataObject.empty().put("content", text))
            .put("author", author)
            .put("guild_id", GUILD_ID)
            .put(
                "member",
                DataObject.empty()
                    .put("roles", DataArray.empty())
                    .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
                    .put("deaf", false)
                    .put("mute", false)
                    .put("flags", 0)
                    .put("pending", false)));
  }

  /** The messages the bot posted in the server's channel so far (not interaction answers). */
  public List<RecordedRequest> channelMessages() {
    return requests("POST", "/api/v10/channels/" + CHANNEL_ID + "/messages");
  }

  /**
   * The next answer to the interaction {@code token} that shows something (deferrals and deletions
   * of a deferral are passed over), waiting up to a minute (a loaded machine).
   */
  public Answer awaitAnswer(String token) throws InterruptedException {
    Answer answer = answersTo(token).poll(1, TimeUnit.MINUTES);
    if (answer == null) {
      throw new AssertionError("no answer to interaction " + token + " within a minute");
    }
    return answer;
  }

  /** The answers to {@code token} received and not awaited yet, without waiting. */
  public List<Answer> pendingAnswers(String token) {
    return List.copyOf(answersTo(token));
  }

  /**
   * The next message the bot sends to {@code userId}'s direct messages, waiting up to a minute;
   * once returned it is forgotten, so the next call returns the one after.
   */
  public DataObject awaitDirectMessage(String userId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    synchronized (arrivals) {
      while (true) {
        for (RecordedRequest request : requests) {
          String path = request.getUrl().encodedPath();
          if (request.getMethod().equals("POST")
              && path.matches("/api/v10/channels/\\d+/messages")
              && userId.equals(dmOwners.get(path.split("/")[4]))) {
            requests.remove(request);
            return payload(request);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no direct message to " + userId + " within a minute");
        }
        TimeUnit.NANOSECONDS.timedWait(arrivals, left);
      }
    }
  }

  /**
   * A member of the server, as interactions carry them.
   *
   * @param locale the member's client locale, such as {@code en-US} or {@code fr}
   */
  public record Person(String id, String name, String locale) {}

  @Override
  public void close() {
    server.close();
    doors.forEach(MockWebServer::close);
  }

  private String interact(
      Person person, boolean inServer, int type, DataObject data, DataObject message) {
    Gateway open = gateway;
    if (open == null) {
      throw new IllegalStateException("the bot has not connected to the gateway");
    }
    String token = "interaction-token-" + interactions.incrementAndGet();
    DataObject user = user(person.id(), person.name(), false);
    DataObject interaction =
        DataObject.empty()
            .put("id", Long.toString(interactions.get()))
            .put("application_id", APPLICATION_ID)
            .put("type", type)
            .put("token", token)
            .put("version", 1)
            .put("data", data)
            .put("locale", person.locale())
            .put("app_permissions", "117760")
            .put("entitlements", DataArray.empty())
            .put("attachment_size_limit", 10485760);
    if (inServer) {
      interaction
          .put("guild_id", GUILD_ID)
          .put(
              "guild",
              DataObject.empty()
                  .put("id", GUILD_ID)
                  .put("locale", "fr")
                  .put("features", DataArray.empty()))
          .put("guild_locale", "fr")
          .put("channel_id", CHANNEL_ID)
          .put("channel", Gateway.textChannel())
          .put("context", 0)
          .put("authorizing_integration_owners", DataObject.empty().put("0", GUILD_ID))
          .put(
              "member",
              DataObject.empty()
                  .put("user", user)
                  .put("nick", null)
                  .put("avatar", null)
                  .put("roles", DataArray.empty())
                  .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
                  .put("premium_since", null)
                  .put("deaf", false)
                  .put("mute", false)
                  .put("flags", 0)
                  .put("pending", false)
                  .put("permissions", person.id().equals(MEMBER) ? "2251799813685247" : "117760")
                  .put("communication_disabled_until", null));
    } else {
      String channelId = dmChannel(person.id());
      interaction
          .put("channel_id", channelId)
          .put(
              "channel",
              DataObject.empty()
                  .put("id", channelId)
                  .put("type", 1)
                  .put("last_message_id", null)
                  .put("flags", 0)
                  .put("recipients", DataArray.empty().add(user)))
          .put("context", 1)
          .put("authorizing_integration_owners", DataObject.empty().put("0", "0"))
          .put("user", user);
    }
    if (message != null) {
      interaction.put("message", message);
    }
    open.dispatch("INTERACTION_CREATE", interaction);
    return token;
  }

  /** A submitted modal's label around one input, with the unique ids Discord numbers them by. */
  private static DataObject label(int index, DataObject input) {
    return DataObject.empty()
        .put("type", 18)
        .put("id", 2 * index + 1)
        .put("component", input.put("id", 2 * index + 2));
  }

  /** The direct-message channel of a member, opened on first use as Discord does. */
  private synchronized String dmChannel(String userId) {
    for (Map.Entry<String, String> dm : dmOwners.entrySet()) {
      if (dm.getValue().equals(userId)) {
        return dm.getKey();
      }
    }
    String channelId = Long.toString(ids.incrementAndGet());
    dmOwners.put(channelId, userId);
    return channelId;
  }

  private BlockingQueue<Answer> answersTo(String token) {
    return answers.computeIfAbsent(token, t -> new LinkedBlockingQueue<>());
  }

  /** The JSON of a request, also when files make it multipart ({@code payload_json}). */
  static DataObject payload(RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    String type = request.getHeaders().get("Content-Type");
    if (type != null && type.startsWith("multipart/")) {
      java.util.regex.Matcher json =
          java.util.regex.Pattern.compile(
                  "name=\"payload_json\"(?:\r?\n[^\r\n]+)*\r?\n\r?\n(\\{.*?\\})\r?\n--",
                  java.util.regex.Pattern.DOTALL)
              .matcher(body);
      return json.find() ? DataObject.fromJson(json.group(1)) : DataObject.empty();
    }
    return body.isBlank() ? DataObject.empty() : DataObject.fromJson(body);
  }

  /** The files of a multipart request (every part but {@code payload_json}), in order. */
  static List<Upload> uploads(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    okhttp3.MediaType mediaType = type == null ? null : okhttp3.MediaType.parse(type);
    if (mediaType == null || !type.startsWith("multipart/") || request.getBody() == null) {
      return List.of();
    }
    List<Upload> files = new java.util.ArrayList<>();
    try (okhttp3.MultipartReader reader =
        new okhttp3.MultipartReader(
            new okio.Buffer().write(request.getBody()), mediaType.parameter("boundary"))) {
      for (okhttp3.MultipartReader.Part part = reader.nextPart();
          part != null;
          part = reader.nextPart()) {
        String disposition = part.headers().get("Content-Disposition");
        java.util.regex.Matcher name =
            java.util.regex.Pattern.compile("filename=\"([^\"]*)\"")
                .matcher(disposition == null ? "" : disposition);
        byte[] content = part.body().readByteArray();
        if (name.find()) {
          files.add(new Upload(name.group(1), part.headers().get("Content-Type"), content));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return List.copyOf(files);
  }

  private MockResponse answer(RecordedRequest request) {
    if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
      gatewayTarget = request.getTarget();
      return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
    }
    requests.add(request);
    synchronized (arrivals) {
      arrivals.notifyAll();
    }
    String method = request.getMethod();
    String path = request.getUrl().encodedPath().replaceFirst("^/api/v10", "");
    if (method.equals("GET") && path.equals("/gateway/bot")) {
      return json(
          200,
          DataObject.empty()
              .put("url", "ws://" + server.getHostName() + ":" + request.getUrl().port())
              .put("shards", 1)
              .put(
                  "session_start_limit",
                  DataObject.empty()
                      .put("total", 1000)
                      .put("remaining", 999)
                      .put("reset_after", 14400000)
                      .put("max_concurrency", 1)));
    }
    if (method.equals("GET") && path.equals("/users/@me")) {
      return json(200, botUser());
    }
    if (method.equals("PUT") && path.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
      DataArray sent = DataArray.fromJson(request.getBody().utf8());
      DataArray registered = DataArray.empty();
      for (int i = 0; i < sent.length(); i++) {
        registered.add(
            sent.getObject(i)
                .put("id", Long.toString(ids.incrementAndGet()))
                .put("application_id", APPLICATION_ID)
                .put("version", "1"));
      }
      return json(200, registered);
    }
    if (method.equals("POST") && path.matches("/interactions/\\d+/[^/]+/callback")) {
      DataObject callback = payload(request);
      int type = callback.getInt("type");
      if (type != 5 && type != 6) {
        answersTo(path.split("/")[3])
            .add(
                new Answer(
                    AnswerKind.CALLBACK,
                    type,
                    callback.optObject("data").orElse(DataObject.empty()),
                    uploads(request)));
      }
      return new MockResponse.Builder().code(204).build();
    }
    if (path.matches("/webhooks/\\d+/[^/]+(/messages/@original)?")) {
      String token = path.split("/")[3];
      if (method.equals("DELETE")) {
        return new MockResponse.Builder().code(204).build();
      }
      DataObject sent = payload(request);
      answersTo(token)
          .add(
              new Answer(
                  method.equals("POST") ? AnswerKind.FOLLOW_UP : AnswerKind.EDIT,
                  0,
                  sent,
                  uploads(request)));
      return json(
          200,
          message(CHANNEL_ID, sent)
              .put("webhook_id", APPLICATION_ID)
              .put("flags", sent.getInt("flags", 0)));
    }
    if (method.equals("POST") && path.equals("/users/@me/channels")) {
      String recipient = DataObject.fromJson(request.getBody().utf8()).getString("recipient_id");
      String channelId = dmChannel(recipient);
      return json(
          200,
          DataObject.empty()
              .put("id", channelId)
              .put("type", 1)
              .put("last_message_id", null)
              .put("flags", 0)
              .put("recipients", DataArray.empty().add(user(recipient, "member", false))));
    }
    if (method.equals("POST") && path.matches("/channels/\\d+/messages")) {
      String channelId = path.split("/")[2];
      String owner = dmOwners.getOrDefault(channelId, "");
      if (owner.equals(BLOCKED_USER)) {
        return json(
            403,
            DataObject.empty()
                .put("message", "Cannot send messages to this user")
                .put("code", 50007));
      }
      if (owner.equals(BUSY_USER)) {
        return new MockResponse.Builder()
            .code(429)
            .addHeader("Content-Type", "application/json")
            .addHeader("Retry-After", "42")
            .addHeader("X-RateLimit-Limit", "5")
            .addHeader("X-RateLimit-Remaining", "0")
            .addHeader("X-RateLimit-Reset-After", "42.0")
            .addHeader("X-RateLimit-Bucket", "fake-bucket")
            .addHeader("X-RateLimit-Scope", "user")
            .body(
                DataObject.empty()
                    .put("message", "You are being rate limited.")
                    .put("retry_after", 42.0)
                    .put("global", false)
                    .toString())
            .build();
      }
      DataObject sent = payload(request);
      String nonce = sent.getString("nonce", null);
      if (nonce != null && sent.getBoolean("enforce_nonce", false)) {
        // Discord checks the nonce per author; the bot is the one author here.
        DataObject first = byNonce.get(channelId + "/" + nonce);
        if (first != null) {
          repeatsDropped.incrementAndGet();
          return json(200, first);
        }
      }
      DataObject message = message(channelId, sent);
      if (nonce != null && sent.getBoolean("enforce_nonce", false)) {
        DataObject raced = byNonce.putIfAbsent(channelId + "/" + nonce, message);
        if (raced != null) {
          repeatsDropped.incrementAndGet();
          return json(200, raced);
        }
      }
      created.add(
          new Created(
              channelId,
              owner,
              new Answer(AnswerKind.FOLLOW_UP, 0, sent).text(),
              request.getUrl().port(),
              System.nanoTime()));
      return json(200, message);
    }
    if (path.matches("/guilds/\\d+/scheduled-events(/\\d+)?")) {
      return scheduledEvent(method, path, request);
    }
    return json(404, DataObject.empty().put("message", "404: Not Found").put("code", 0));
  }

  /**
   * The guild scheduled event routes, as Discord documents them
   * (https://discord.com/developers/docs/resources/guild-scheduled-event): list, create, get,
   * modify, delete; only external events (entity_type 3) with a location, as the bot makes.
   */
  private MockResponse scheduledEvent(String method, String path, RecordedRequest request) {
    if (refusingEvents) {
      return json(403, DataObject.empty().put("message", "Missing Permissions").put("code", 50013));
    }
    String[] parts = path.split("/");
    String guildId = parts[2];
    String eventId = parts.length > 4 ? parts[4] : null;
    synchronized (scheduledEvents) {
      if (eventId == null && method.equals("GET")) {
        DataArray all = DataArray.empty();
        scheduledEvents.values().stream()
            .filter(e -> e.getString("guild_id").equals(guildId))
            .forEach(all::add);
        return json(200, all);
      }
      if (eventId == null && method.equals("POST")) {
        DataObject sent = payload(request);
        Optional<String> invalid = invalidEvent(sent, true);
        if (invalid.isPresent()) {
          return invalidForm(invalid.get());
        }
        String id = Long.toString(ids.incrementAndGet());
        DataObject created =
            DataObject.empty()
                .put("id", id)
                .put("guild_id", guildId)
                .put("channel_id", null)
                .put("creator_id", BOT_ID)
                .put("name", sent.getString("name"))
                .put("description", sent.getString("description", null))
                .put("scheduled_start_time", sent.getString("scheduled_start_time"))
                .put("scheduled_end_time", sent.getString("scheduled_end_time", null))
                .put("privacy_level", sent.getInt("privacy_level"))
                .put("status", 1)
                .put("entity_type", sent.getInt("entity_type"))
                .put("entity_id", null)
                .put("entity_metadata", sent.getObject("entity_metadata"))
                .put("creator", botUser())
                .put("user_count", 0)
                .put("image", null)
                .put("recurrence_rule", null);
        scheduledEvents.put(id, created);
        return json(200, created);
      }
      DataObject held = scheduledEvents.get(eventId);
      if (held == null || !held.getString("guild_id").equals(guildId)) {
        return json(
            404,
            DataObject.empty().put("message", "Unknown Guild Scheduled Event").put("code", 10070));
      }
      if (method.equals("GET")) {
        return json(200, held);
      }
      if (method.equals("DELETE")) {
        scheduledEvents.remove(eventId);
        return new MockResponse.Builder().code(204).build();
      }
      if (method.equals("PATCH")) {
        DataObject sent = payload(request);
        int status = held.getInt("status");
        if (status == 3 || status == 4) {
          // a completed or cancelled event can no longer change
          return invalidForm("status: an event that ended or was cancelled cannot change");
        }
        if (sent.hasKey("status")) {
          int next = sent.getInt("status");
          boolean allowed = (status == 1 && (next == 2 || next == 4)) || (status == 2 && next == 3);
          if (!allowed) {
            return invalidForm("status: cannot go from " + status + " to " + next);
          }
        }
        DataObject changed = DataObject.fromJson(held.toString());
        Map<String, Object> fields = sent.toMap();
        for (String key : sent.keys()) {
          changed.put(key, fields.get(key));
        }
        Optional<String> invalid = invalidEvent(changed, false);
        if (invalid.isPresent()) {
          return invalidForm(invalid.get());
        }
        scheduledEvents.put(eventId, changed);
        return json(200, changed);
      }
    }
    return json(405, DataObject.empty().put("message", "405: Method Not Allowed").put("code", 0));
  }

  /** What Discord would refuse in an external event, if anything. */
  private static Optional<String> invalidEvent(DataObject event, boolean creating) {
    String name = event.getString("name", "");
    if (name.isEmpty() || name.length() > 100) {
      return Optional.of("name: 1 to 100 characters");
    }
    if (event.getString("description", "").length() > 1000) {
      return Optional.of("description: at most 1000 characters");
    }
    if (event.getInt("entity_type", 0) != 3) {
      return Optional.of("entity_type: this stand-in only knows external events (3)");
    }
    String location =
        event.optObject("entity_metadata").map(m -> m.getString("location", "")).orElse("");
    if (location.isEmpty() || location.length() > 100) {
      return Optional.of("entity_metadata.location: 1 to 100 characters");
    }
    if (event.getInt("privacy_level", 0) != 2) {
      return Optional.of("privacy_level: must be GUILD_ONLY (2)");
    }
    java.time.OffsetDateTime start;
    java.time.OffsetDateTime end;
    try {
      start = java.time.OffsetDateTime.parse(event.getString("scheduled_start_time"));
      end = java.time.OffsetDateTime.parse(event.getString("scheduled_end_time"));
    } catch (RuntimeException e) {
      return Optional.of("scheduled_start_time and scheduled_end_time: ISO-8601 times");
    }
    if (!end.isAfter(start)) {
      return Optional.of("scheduled_end_time: after the start");
    }
    if (creating && !start.isAfter(java.time.OffsetDateTime.now())) {
      return Optional.of("scheduled_start_time: in the future");
    }
    return Optional.empty();
  }

  private static MockResponse invalidForm(String error) {
    return json(
        400,
        DataObject.empty()
            .put("message", "Invalid Form Body")
            .put("code", 50035)
            .put("errors", DataObject.empty().put("_detail", error)));
  }

  private DataObject message(String channelId, DataObject sent) {
    return DataObject.empty()
        .put("id", Long.toString(ids.incrementAndGet()))
        .put("type", 0)
        .put("channel_id", channelId)
        .put("author", botUser())
        .put("content", sent.getString("content", ""))
        .put("timestamp", "2026-11-26T15:00:00.000000+00:00")
        .put("edited_timestamp", null)
        .put("tts", false)
        .put("mention_everyone", false)
        .put("mentions", DataArray.empty())
        .put("mention_roles", DataArray.empty())
        .put("attachments", DataArray.empty())
        .put("embeds", embeds(sent))
        .put("components", DataArray.empty())
        .put("pinned", false)
        .put("flags", 0)
        .put("nonce", sent.getString("nonce", null));
  }

  /** The embeds of a message as Discord returns them: each with its type, {@code rich}. */
  private static DataArray embeds(DataObject sent) {
    DataArray embeds = DataArray.empty();
    DataArray given = sent.optArray("embeds").orElse(DataArray.empty());
    for (int i = 0; i < given.length(); i++) {
      DataObject embed = DataObject.fromJson(given.getObject(i).toString());
      if (!embed.hasKey("type")) {
        embed.put("type", "rich");
      }
      embeds.add(embed);
    }
    return embeds;
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  private static DataObject botUser() {
    return user(BOT_ID, "Networkeras", true);
  }

  private static DataObject user(String id, String name, boolean bot) {
    return DataObject.empty()
        .put("id", id)
        .put("username", name)
        .put("discriminator", "0")
        .put("global_name", null)
        .put("avatar", null)
        .put("bot", bot)
        .put("system", false)
        .put("mfa_enabled", false)
        .put("verified", true)
        .put("flags", 0)
        .put("public_flags", 0);
  }

  /** The gateway: says HELLO, answers IDENTIFY with READY and the guild, acknowledges beats. */
  private final class Gateway extends WebSocketListener {
    private int sequence;
    private WebSocket socket;

    @Override
    public void onOpen(WebSocket socket, Response response) {
      socket.send(
          DataObject.empty()
              .put("op", 10)
              .put("d", DataObject.empty().put("heartbeat_interval", 41250))
              .put("s", null)
              .put("t", null)
              .toString());
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      DataObject payload = DataObject.fromJson(text);
      switch (payload.getInt("op")) {
        case 1 -> socket.send(DataObject.empty().put("op", 11).toString());
        case 2 -> {
          this.socket = socket;
          DataObject identify = payload.getObject("d");
          int shard = 0;
          int total = 1;
          if (identify.hasKey("shard") && !identify.isNull("shard")) {
            shard = identify.getArray("shard").getInt(0);
            total = identify.getArray("shard").getInt(1);
          }
          List<String[]> guilds = new java.util.ArrayList<>();
          for (String[] guild :
              List.of(
                  new String[] {GUILD_ID, CHANNEL_ID, "Paris Tech"},
                  new String[] {OTHER_GUILD_ID, OTHER_CHANNEL_ID, "Lyon Tech"})) {
            if ((Long.parseLong(guild[0]) >> 22) % total == shard) {
              guilds.add(guild);
            }
          }
          dispatch("READY", ready(guilds, shard, total));
          for (String[] guild : guilds) {
            dispatch("GUILD_CREATE", guild(guild[0], guild[1], guild[2]));
          }
          gateway = this;
          identifies.add(payload.getObject("d"));
        }
        default -> {
          // presence updates and the like need no answer
        }
      }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      socket.close(code, null);
    }

    synchronized void dispatch(String type, DataObject data) {
      socket.send(
          DataObject.empty()
              .put("op", 0)
              .put("s", ++sequence)
              .put("t", type)
              .put("d", data)
              .toString());
    }

    static DataObject textChannel() {
      return textChannel(CHANNEL_ID, GUILD_ID);
    }

    static DataObject textChannel(String channelId, String guildId) {
      return DataObject.empty()
          .put("id", channelId)
          .put("type", 0)
          .put("guild_id", guildId)
          .put("position", 0)
          .put("permission_overwrites", DataArray.empty())
          .put("name", "events")
          .put("topic", null)
          .put("nsfw", false)
          .put("last_message_id", null)
          .put("rate_limit_per_user", 0)
          .put("parent_id", null)
          .put("flags", 0);
    }

    private DataObject ready(List<String[]> guilds, int shard, int total) {
      DataArray unavailable = DataArray.empty();
      for (String[] guild : guilds) {
        unavailable.add(DataObject.empty().put("id", guild[0]).put("unavailable", true));
      }
      return DataObject.empty()
          .put("v", 10)
          .put("user", botUser())
          .put("user_settings", DataObject.empty())
          .put("private_channels", DataArray.empty())
          .put("relationships", DataArray.empty())
          .put("presences", DataArray.empty())
          .put("guild_join_requests", DataArray.empty())
          .put("geo_ordered_rtc_regions", DataArray.empty())
          .put("guilds", unavailable)
          .put("session_id", "fake-session")
          .put("resume_gateway_url", "ws://" + server.getHostName() + ":" + server.getPort())
          .put("shard", DataArray.empty().add(shard).add(total))
          .put("application", DataObject.empty().put("id", APPLICATION_ID).put("flags", 0));
    }

    private DataObject guild(String guildId, String channelId, String name) {
      DataObject everyone =
          DataObject.empty()
              .put("id", guildId)
              .put("name", "@everyone")
              .put("color", 0)
              .put(
                  "colors",
                  DataObject.empty()
                      .put("primary_color", 0)
                      .put("secondary_color", null)
                      .put("tertiary_color", null))
              .put("hoist", false)
              .put("icon", null)
              .put("unicode_emoji", null)
              .put("position", 0)
              // view channel, send messages, embed links, attach files, read history
              .put(
                  "permissions",
                  Long.toString(117760L | (eventPermissions ? EVENT_PERMISSIONS : 0L)))
              .put("managed", false)
              .put("mentionable", false)
              .put("flags", 0);
      DataObject channel = textChannel(channelId, guildId);
      DataObject self =
          DataObject.empty()
              .put("user", botUser())
              .put("nick", null)
              .put("avatar", null)
              .put("roles", DataArray.empty())
              .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
              .put("premium_since", null)
              .put("deaf", false)
              .put("mute", false)
              .put("flags", 0)
              .put("pending", false);
      return DataObject.empty()
          .put("id", guildId)
          .put("name", name)
          .put("icon", null)
          .put("splash", null)
          .put("discovery_splash", null)
          .put("owner_id", MEMBER)
          .put("afk_channel_id", null)
          .put("afk_timeout", 300)
          .put("verification_level", 1)
          .put("default_message_notifications", 1)
          .put("explicit_content_filter", 0)
          .put("roles", DataArray.empty().add(everyone))
          .put("emojis", DataArray.empty())
          .put("features", DataArray.empty())
          .put("mfa_level", 0)
          .put("application_id", null)
          .put("system_channel_id", null)
          .put("system_channel_flags", 0)
          .put("rules_channel_id", null)
          .put("max_members", 500000)
          .put("vanity_url_code", null)
          .put("description", null)
          .put("banner", null)
          .put("premium_tier", 0)
          .put("premium_subscription_count", 0)
          .put("preferred_locale", "fr")
          .put("public_updates_channel_id", null)
          .put("safety_alerts_channel_id", null)
          .put("nsfw_level", 0)
          .put("stickers", DataArray.empty())
          .put("premium_progress_bar_enabled", false)
          .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
          .put("large", false)
          .put("unavailable", false)
          .put("member_count", 2)
          .put("voice_states", DataArray.empty())
          .put("members", DataArray.empty().add(self))
          .put("channels", DataArray.empty().add(channel))
          .put("threads", DataArray.empty())
          .put("presences", DataArray.empty())
          .put("stage_instances", DataArray.empty())
          .put("guild_scheduled_events", DataArray.empty())
          .put("soundboard_sounds", DataArray.empty());
    }
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
