package org.networkeras.imports;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Calendar feeds served on loopback, as a calendar host serves them: each body with an {@code ETag}
 * that changes with it, answered 304 when the client sends it back; redirects on request.
 */
final class FeedServer implements AutoCloseable {

  /** One request as the server saw it. */
  record Request(String path, String ifNoneMatch, String ifModifiedSince, int status) {}

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService threads =
      java.util.concurrent.Executors.newCachedThreadPool();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final Map<String, String> dated = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final java.util.Set<String> hanging = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.CountDownLatch closing =
      new java.util.concurrent.CountDownLatch(1);

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  /** The address of a path on loopback: {@code http://127.0.0.1:port/path}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The same path under the name {@code localhost}, which resolves to loopback. */
  String localhostUrl(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  void serve(String path, String body) {
    bodies.put(path, body);
    versions.merge(path, 1, Integer::sum);
  }

  /**
   * Serves {@code body} with a {@code Last-Modified} date and no {@code ETag}, as some hosts do:
   * answered 304 when the client sends that date back in {@code If-Modified-Since}.
   */
  void serveDated(String path, String body, String lastModified) {
    bodies.put(path, body);
    dated.put(path, lastModified);
  }

  /** Answers nothing on {@code path} until the server closes: a host that never answers. */
  void hang(String path) {
    hanging.add(path);
  }

  /** Ends the requests left hanging without an answer, as a host that drops the connection. */
  void dropHanging() {
    closing.countDown();
  }

  void redirect(String from, String to) {
    redirects.put(from, to);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
    try (exchange) {
      if (hanging.contains(path)) {
        requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 0));
        try {
          closing.await();
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      String target = redirects.get(path);
      if (target != null) {
        requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 302));
        exchange.getResponseHeaders().add("Location", target);
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      String body = bodies.get(path);
      if (body == null) {
        requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 404));
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String lastModified = dated.get(path);
      String etag = lastModified == null ? "\"v" + versions.get(path) + "\"" : null;
      if (etag != null) {
        exchange.getResponseHeaders().add("ETag", etag);
      } else {
        exchange.getResponseHeaders().add("Last-Modified", lastModified);
      }
      if (etag != null ? etag.equals(ifNoneMatch) : lastModified.equals(ifModifiedSince)) {
        requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 304));
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      // Recorded before answering: once the client has the answer, the test may read the record.
      requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 200));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      } catch (IOException clientStoppedReading) {
        // the size limit at work
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
