package org.networkeras.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests to a server on this machine, for tests. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private Http() {}

  /**
   * GET {@code path}, with {@code headers} given as name, value, name, value… ({@code
   * "Accept-Language", "fr"}).
   */
  public static HttpResponse<String> get(int port, String path, String... headers) {
    return send(port, path, HttpResponse.BodyHandlers.ofString(), headers);
  }

  /** GET {@code path} as bytes (a picture, a file). */
  public static HttpResponse<byte[]> getBytes(int port, String path, String... headers) {
    return send(port, path, HttpResponse.BodyHandlers.ofByteArray(), headers);
  }

  private static <T> HttpResponse<T> send(
      int port, String path, HttpResponse.BodyHandler<T> body, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    HttpRequest request = builder.build();
    try {
      return CLIENT.send(request, body);
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
