package org.networkeras.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.Occurrence;
import org.networkeras.community.Community;
import org.networkeras.core.SimulatedClock;
import org.networkeras.time.TimeRange;
import org.networkeras.web.WebServer;
import org.networkeras.web.WebSettings;
import org.networkeras.web.agenda.AgendaRoutes;

/**
 * Prints how long the public agenda's pages take over HTTP on the benchmark catalog, as a visitor's
 * browser waits for them: every community's page is turned on, the server listens on loopback, and
 * one client asks page after page. "cold" asks each community's agenda and first event once (each a
 * first rendering, the catalog's day cache empty for that community too); "warm" asks the pages of
 * a few busy communities again and again, with filters, time phrases, both languages and event
 * pages (mostly served from the rendered pages). {@code java -cp benchmarks.jar
 * org.networkeras.benchmarks.WebAgendaLatency [events] [communities] [warm requests]}.
 */
public final class WebAgendaLatency {

  private static final String[] QUERIES = {
    "",
    "?family=networking",
    "?when=ce+week-end",
    "?city=Paris&slot=evening",
    "?lang=fr",
    "?when=next+week&family=bloggers",
    "?lang=fr&when=demain"
  };

  private WebAgendaLatency() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int communities = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int warmRequests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    try (BenchCatalog catalog = BenchCatalog.open(events, communities)) {
      SimulatedClock clock = new SimulatedClock(BenchCatalog.NOW, BenchCatalog.ZONE);
      List<String> agendas = new ArrayList<>();
      List<String> firstEvents = new ArrayList<>();
      for (int i = 0; i < catalog.communityCount(); i++) {
        Community community = catalog.community(i);
        String slug = catalog.core().pages().turn(community, true);
        agendas.add("/w/" + slug);
        List<Occurrence> next =
            catalog
                .core()
                .catalog()
                .list(
                    community,
                    new TimeRange(BenchCatalog.NOW, BenchCatalog.NOW.plus(Duration.ofDays(30))),
                    EventFilter.ALL);
        firstEvents.add(next.isEmpty() ? null : "/w/" + slug + "/events/" + next.get(0).ref());
        catalog.forgetListings(i); // the listing above must not warm the pages' cold figure
      }
      try (WebServer server =
          WebServer.start(
              new WebSettings(WebSettings.LOOPBACK, 0),
              List.of(new AgendaRoutes(catalog.core(), clock)))) {
        catalog.core().pages().publishAt("http://127.0.0.1:" + server.port());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        String base = "http://127.0.0.1:" + server.port();
        // the JIT compiles the path on pages the figures do not ask again
        int warmUpCommunities = Math.min(50, agendas.size() / 10);
        for (int round = 0; round < 20; round++) {
          for (int i = 0; i < warmUpCommunities; i++) {
            String query = QUERIES[round % QUERIES.length];
            get(
                client,
                base + agendas.get(i) + query + (query.isEmpty() ? "?" : "&") + "r=" + round);
          }
        }
        List<String> cold = new ArrayList<>();
        for (int i = warmUpCommunities; i < agendas.size(); i++) {
          cold.add(agendas.get(i));
          if (firstEvents.get(i) != null) {
            cold.add(firstEvents.get(i));
          }
        }
        long cpu = serverCpuNanos();
        long[] coldNanos = measure(client, base, cold);
        report("cold (first rendering)", coldNanos, serverCpuNanos() - cpu);
        List<String> warm = new ArrayList<>();
        int hot = Math.min(20, agendas.size());
        for (int n = 0; n < warmRequests; n++) {
          int community = (int) ((long) n * 7919 % hot) + warmUpCommunities;
          community = Math.min(community, agendas.size() - 1);
          warm.add(
              n % 4 == 3 && firstEvents.get(community) != null
                  ? firstEvents.get(community)
                  : agendas.get(community) + QUERIES[n % QUERIES.length]);
        }
        cpu = serverCpuNanos();
        long[] warmNanos = measure(client, base, warm);
        report("warm (20 busy communities)", warmNanos, serverCpuNanos() - cpu);
      }
    }
  }

  private static long[] measure(HttpClient client, String base, List<String> paths)
      throws IOException, InterruptedException {
    long[] nanos = new long[paths.size()];
    for (int i = 0; i < paths.size(); i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = get(client, base + paths.get(i));
      nanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(paths.get(i) + " answered " + response.statusCode());
      }
    }
    return nanos;
  }

  private static HttpResponse<String> get(HttpClient client, String url)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The processor time the server's request threads ({@code http-*}) used so far: what a page costs
   * whatever the machine's load, as the wall-clock percentiles do not.
   */
  private static long serverCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("http")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static void report(String what, long[] nanos, long serverCpu) {
    long total = Arrays.stream(nanos).sum();
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-28s %,7d requests: p50 %6.2f ms, p90 %6.2f ms, p99 %6.2f ms, max %7.2f ms (%,.0f/s);"
            + " server CPU %.2f ms/request%n",
        what,
        nanos.length,
        percentile(nanos, 0.50),
        percentile(nanos, 0.90),
        percentile(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        nanos.length / (total / 1e9),
        serverCpu / 1e6 / nanos.length);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}
