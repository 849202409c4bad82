package org.networkeras.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Fetches a calendar feed, guarded: http and https only; every address a host resolves to is
 * checked, and the connection goes to the checked addresses (OkHttp's {@link Dns} hook), so a name
 * that resolves again to another address cannot slip through; redirects are followed by hand, each
 * new address checked the same way; the body is read up to the size limit and no further. A
 * conditional GET answers {@link Result.Unchanged} on 304. Thread-safe.
 */
final class FeedFetcher {

  /** What a fetch gave. */
  sealed interface Result {
    /** The feed's text and its validators. */
    record Fetched(String body, String etag, String lastModified) implements Result {}

    /** 304: nothing changed since the validators sent. */
    record Unchanged() implements Result {}

    /**
     * It failed: {@code key} names the reason in the message bundles, {@code argument} fills it.
     */
    record Failed(String key, String argument) implements Result {}
  }

  private final ImportSettings settings;
  private final OkHttpClient client;

  FeedFetcher(ImportSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client =
        new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .dns(this::lookup)
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .callTimeout(settings.readTimeout().plus(settings.connectTimeout()))
            .build();
  }

  /** Fetches {@code url}, sending the validators of the last answer when there are some. */
  Result fetch(String url, String etag, String lastModified) {
    HttpUrl current = HttpUrl.parse(url);
    if (current == null) {
      return new Result.Failed("import.error.bad_url", url);
    }
    for (int redirects = 0; ; redirects++) {
      String refused = checkLiteral(current);
      if (refused != null) {
        return new Result.Failed(refused, current.host());
      }
      Request.Builder request =
          new Request.Builder()
              .url(current)
              .header("Accept", "text/calendar, */*;q=0.5")
              .header("User-Agent", "Networkeras calendar import");
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      try (Response response = client.newCall(request.build()).execute()) {
        int code = response.code();
        if (response.isRedirect()) {
          String location = response.header("Location");
          HttpUrl next = location == null ? null : current.resolve(location);
          if (next == null) {
            return new Result.Failed("import.error.status", Integer.toString(code));
          }
          if (redirects >= settings.maxRedirects()) {
            return new Result.Failed(
                "import.error.redirects", Integer.toString(settings.maxRedirects()));
          }
          current = next;
          continue;
        }
        if (code == 304) {
          return new Result.Unchanged();
        }
        if (code != 200) {
          return new Result.Failed("import.error.status", Integer.toString(code));
        }
        BufferedSource source = response.body().source();
        Buffer body = new Buffer();
        long limit = settings.maxBytes();
        while (body.size() <= limit) {
          long read = source.read(body, 8192);
          if (read == -1) {
            break;
          }
        }
        if (body.size() > limit) {
          return new Result.Failed("import.error.too_big", Long.toString(limit / 1024));
        }
        return new Result.Fetched(
            body.readString(StandardCharsets.UTF_8),
            response.header("ETag"),
            response.header("Last-Modified"));
      } catch (RefusedAddress privateAddress) {
        return new Result.Failed("import.error.private", privateAddress.getMessage());
      } catch (UnknownHostException unknown) {
        return new Result.Failed("import.error.unknown_host", current.host());
      } catch (InterruptedIOException timeout) {
        return new Result.Failed("import.error.timeout", current.host());
      } catch (IOException failed) {
        return new Result.Failed("import.error.network", current.host());
      }
    }
  }

  /** An IP literal never reaches the {@link Dns} hook: it is checked here. */
  private String checkLiteral(HttpUrl url) {
    String scheme = url.scheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "import.error.bad_url";
    }
    String host = url.host();
    boolean literal = host.contains(":") || host.matches("[0-9.]+");
    if (literal && !settings.allowPrivateAddresses()) {
      try {
        if (isPrivate(InetAddress.getByName(host))) {
          return "import.error.private";
        }
      } catch (UnknownHostException impossible) {
        return "import.error.unknown_host";
      }
    }
    return null;
  }

  private List<InetAddress> lookup(String host) throws UnknownHostException {
    List<InetAddress> addresses = Dns.SYSTEM.lookup(host);
    if (!settings.allowPrivateAddresses()) {
      for (InetAddress address : addresses) {
        if (isPrivate(address)) {
          throw new RefusedAddress(host);
        }
      }
    }
    return addresses;
  }

  /** Whether an address is on a local or special network rather than the public internet. */
  static boolean isPrivate(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || (first == 100 && second >= 64 && second < 128) // CGNAT 100.64/10
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF 192.0.0/24
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) { // ULA fc00::/7
        return true;
      }
      boolean mapped = true; // ::ffff:a.b.c.d, and the NAT64 prefix 64:ff9b::/96
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return isPrivate(v4(b));
      }
      if ((b[0] & 0xff) == 0x00
          && (b[1] & 0xff) == 0x64
          && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b) {
        return isPrivate(v4(b));
      }
    }
    return false;
  }

  private static InetAddress v4(byte[] b) {
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** A host resolved to an address on the local network. */
  private static final class RefusedAddress extends UnknownHostException {
    RefusedAddress(String host) {
      super(host);
    }
  }
}
