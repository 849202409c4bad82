package org.networkeras.discord;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Discord shards one instance may run, out of how many the bot has: {@code 0-3/8} is shards 0
 * to 3 of 8, {@code 2/8} shard 2 of 8. Discord sends a guild's events to shard {@code (guild id >>
 * 22) % total}; every instance of one bot names the same total.
 *
 * <p>Instances on one database never run the same shard: each shard runs under a lease (see {@link
 * DiscordAdapter#startSharded}). So instances may also name overlapping ranges, or all of them
 * every shard: each shard then runs on the first instance to take it, and moves to another when
 * that instance dies.
 *
 * @param first the first shard of the range, from 0
 * @param last the last shard of the range, at least {@code first}
 * @param total how many shards the bot has, at least 1
 */
public record DiscordShards(int first, int last, int total) {

  private static final Pattern FORMAT =
      Pattern.compile("\\s*(\\d{1,4})(?:\\s*-\\s*(\\d{1,4}))?\\s*/\\s*(\\d{1,4})\\s*");

  public DiscordShards {
    if (total < 1 || first < 0 || last < first || last >= total) {
      throw new IllegalArgumentException(
          "shards must be a range within 0 to total - 1: " + first + "-" + last + "/" + total);
    }
  }

  /**
   * Reads {@code 0-3/8} or {@code 2/8}.
   *
   * @throws IllegalArgumentException with a message naming the expected form
   */
  public static DiscordShards parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "shards are written first-last/total (0-3/8) or one/total (2/8), not '" + text + "'");
    }
    int first = Integer.parseInt(matcher.group(1));
    int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
    return new DiscordShards(first, last, Integer.parseInt(matcher.group(3)));
  }

  /** The shard ids of the range, in order. */
  public List<Integer> ids() {
    return IntStream.rangeClosed(first, last).boxed().toList();
  }

  @Override
  public String toString() {
    return (first == last ? String.valueOf(first) : first + "-" + last) + "/" + total;
  }
}
