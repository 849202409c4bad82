package org.networkeras.imports;

import java.time.Duration;

/**
 * How imported calendars are fetched, as the operator configured it.
 *
 * @param allowPrivateAddresses whether feeds may live on the local network (loopback, private
 *     ranges): off by default, so that {@code /import} cannot reach the bot's own network (SSRF)
 * @param maxBytes the largest feed read; a longer one is refused
 * @param maxEvents the most entries a feed may hold
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long the whole answer may take
 * @param maxRedirects how many redirects are followed, each checked like the first address
 */
public record ImportSettings(
    boolean allowPrivateAddresses,
    long maxBytes,
    int maxEvents,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects) {

  /** The defaults: public addresses only, 2 MB, 2,000 events, 10 s / 30 s, 3 redirects. */
  public static final ImportSettings DEFAULT =
      new ImportSettings(
          false, 2L * 1024 * 1024, 2000, Duration.ofSeconds(10), Duration.ofSeconds(30), 3);

  public ImportSettings {
    if (maxBytes <= 0 || maxEvents <= 0 || maxRedirects < 0) {
      throw new IllegalArgumentException("import limits must be positive");
    }
    java.util.Objects.requireNonNull(connectTimeout, "connectTimeout");
    java.util.Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** These settings with private addresses allowed or not. */
  public ImportSettings allowingPrivateAddresses(boolean allow) {
    return new ImportSettings(
        allow, maxBytes, maxEvents, connectTimeout, readTimeout, maxRedirects);
  }

  /** These settings with another size limit. */
  public ImportSettings withMaxBytes(long bytes) {
    return new ImportSettings(
        allowPrivateAddresses, bytes, maxEvents, connectTimeout, readTimeout, maxRedirects);
  }
}
