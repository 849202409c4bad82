package org.networkeras.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Piece.TimeStyle;
import org.networkeras.chat.Reply;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.Words;
import org.networkeras.community.Community;
import org.networkeras.i18n.Messages;
import org.networkeras.time.TimePhraseResolver;
import org.networkeras.time.TimeRange;

/**
 * {@code /events [when] [family] [slot] [city]}: what is on, grouped by day, ten per page with a
 * "more" button. Words come in any order and either language; without a time the next seven days
 * are listed. A word naming a kind of event ({@link Kind}: barcamp, afterwork, apéro, petit-déj…)
 * keeps the events of that kind, and the header says so. On each day, events in the community's
 * home city ({@code /settings city}) come first. In a direct chat, the listing first says which
 * group's catalog it shows and how to see another's.
 */
public final class EventsCommand implements CommandHandler, ButtonHandler {

  static final int PAGE_SIZE = 10;
  private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  private static final String PREFIX = "evp";

  private final CatalogService catalog;
  private final TimePhraseResolver resolver;
  private final CommandSpec spec;

  public EventsCommand(CatalogService catalog, TimePhraseResolver resolver, Messages messages) {
    this.catalog = catalog;
    this.resolver = resolver;
    List<ParameterSpec.Choice> slots =
        List.of(Slot.BREAKFAST, Slot.EVENING, Slot.SATURDAY).stream()
            .map(
                s ->
                    new ParameterSpec.Choice(
                        s.key(), LocalizedText.of(messages, "slot." + s.key())))
            .toList();
    this.spec =
        CommandSpec.forMembers(
            "events",
            LocalizedText.of(messages, "events.description"),
            ParameterSpec.of(
                "when",
                LocalizedText.of(messages, "events.param.when"),
                ParameterSpec.Type.TEXT,
                false),
            ParameterSpec.of(
                    "family",
                    LocalizedText.of(messages, "events.param.family"),
                    ParameterSpec.Type.WORD,
                    false)
                .withChoices(EventText.familyChoices(messages)),
            ParameterSpec.of(
                    "slot",
                    LocalizedText.of(messages, "events.param.slot"),
                    ParameterSpec.Type.WORD,
                    false)
                .withChoices(slots),
            ParameterSpec.of(
                    "city",
                    LocalizedText.of(messages, "events.param.city"),
                    ParameterSpec.Type.WORD,
                    false)
                .withAutocomplete(ParameterSpec.Autocomplete.CITY));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public Reply handle(CommandContext context) {
    return query(context, context.arguments().get("when").orElse(""));
  }

  private Reply query(CommandContext context, String text) {
    Community community = context.community();
    Instant now = context.now();
    EventsQuery query =
        EventsQuery.parse(
            text, CatalogWords.cities(catalog.cities(community, window(now, DEFAULT_WINDOW))));
    EventFilter filter = withOptions(query.filter(), context);
    TimeRange range;
    boolean named = !query.timePhrase().isBlank();
    if (named) {
      range = resolve(query.timePhrase(), community.zone());
    } else {
      range = window(now, DEFAULT_WINDOW);
    }
    return page(context, range, filter, 0, named);
  }

  @Override
  public Reply press(String payload, CommandContext context) {
    if (payload.startsWith("q:")) {
      return query(context, payload.substring(2));
    }
    PageToken token = PageToken.parse(payload);
    return page(context, token.range(), token.filter(), token.page(), true);
  }

  private Reply page(
      CommandContext context, TimeRange range, EventFilter filter, int page, boolean named) {
    ZoneId zone = context.community().zone();
    List<Occurrence> all =
        EventListing.homeCityFirst(
            listing(context, range, filter), context.community().defaultCity(), zone);
    Reply.Builder reply = context.reply();
    switch (context.reach()) {
      case GROUP -> {}
      case DIRECT_FOR_GROUP ->
          reply.line(Line.text(context.text("events.direct_for", context.community().name())));
      case DIRECT_OWN -> reply.line(Line.text(context.text("events.direct_no_group")));
    }
    reply.line(header(context, range, filter, zone));
    if (all.isEmpty()) {
      return nothingThen(context, range, filter, named, reply);
    }
    int from = Math.min(page * PAGE_SIZE, all.size());
    int to = Math.min(from + PAGE_SIZE, all.size());
    List<Occurrence> shown = all.subList(from, to);
    LocalDate day = null;
    List<Line> lines = new ArrayList<>();
    for (Occurrence occurrence : shown) {
      LocalDate date = occurrence.start().atZone(zone).toLocalDate();
      if (!date.equals(day)) {
        if (day != null) {
          reply.block(Block.titled(dayTitle(zone, day), lines));
          lines = new ArrayList<>();
        }
        day = date;
      }
      lines.add(EventText.listingLine(context, occurrence, zone));
    }
    reply.block(Block.titled(dayTitle(zone, day), lines));
    reply.line(
        Line.text(context.text("events.footer", from + 1, to, all.size(), shown.get(0).ref())));
    if (to < all.size()) {
      String token = new PageToken(page + 1, range, filter).encode();
      if (token != null) {
        reply.buttonRow(Button.callback(context.text("events.more"), token));
      }
    }
    return reply.build();
  }

  /**
   * An empty listing's answer: when the next matching event is, with a button that lists its week;
   * or that nothing is coming for weeks.
   */
  private Reply nothingThen(
      CommandContext context,
      TimeRange range,
      EventFilter filter,
      boolean named,
      Reply.Builder reply) {
    Optional<NextPeriod> next =
        NextPeriod.after(catalog, context.community(), range, filter, context.now());
    if (next.isEmpty()) {
      reply.line(
          Line.text(
              named
                  ? context.text("events.none_then", NextPeriod.WEEKS_AHEAD)
                  : context.text("events.none")));
      return reply.build();
    }
    ZoneId zone = context.community().zone();
    reply.line(
        Line.of(
            Piece.text(context.text(named ? "events.none_then_next" : "events.none_next") + " "),
            Piece.time(next.get().next().start(), zone, TimeStyle.DATE),
            Piece.text(".")));
    String token = new PageToken(0, next.get().week(), filter).encode();
    if (token != null) {
      reply.buttonRow(Button.callback(next.get().label(context), token));
    }
    return reply.build();
  }

  /**
   * What {@code range} lists: the occurrences starting in it and, when it holds now, those already
   * under way (started before it, not ended), which come first as they started first.
   */
  private List<Occurrence> listing(CommandContext context, TimeRange range, EventFilter filter) {
    List<Occurrence> starting = catalog.list(context.community(), range, filter);
    if (!range.contains(context.now())) {
      return starting;
    }
    List<Occurrence> all = new ArrayList<>();
    for (Occurrence occurrence : catalog.underWay(context.community(), context.now(), filter)) {
      if (occurrence.start().isBefore(range.start())) {
        all.add(occurrence);
      }
    }
    all.addAll(starting);
    return all;
  }

  private static Line dayTitle(ZoneId zone, LocalDate day) {
    return Line.of(Piece.time(day.atTime(12, 0).atZone(zone).toInstant(), zone, TimeStyle.DATE));
  }

  private Line header(CommandContext context, TimeRange range, EventFilter filter, ZoneId zone) {
    List<Piece> pieces = new ArrayList<>();
    pieces.add(
        Piece.text(
            (filter.kind() == null
                    ? context.text("events.header.from")
                    : context.text(
                        "events.header.matching", context.text("kind." + filter.kind().key())))
                + " "));
    pieces.add(Piece.time(range.start(), zone, TimeStyle.FULL));
    pieces.add(Piece.text(" " + context.text("events.header.to") + " "));
    pieces.add(Piece.time(range.end(), zone, TimeStyle.FULL));
    List<String> filters = new ArrayList<>();
    if (filter.family() != null) {
      filters.add(EventText.familyLabel(context, filter.family()));
    }
    if (filter.slot() != null) {
      filters.add(EventText.slotLabel(context, filter.slot()));
    }
    if (filter.city() != null) {
      filters.add(filter.city());
    }
    if (!filters.isEmpty()) {
      pieces.add(Piece.text(" · " + String.join(" · ", filters)));
    }
    return new Line(pieces);
  }

  private TimeRange resolve(String phrase, ZoneId zone) {
    try {
      return resolver.range(phrase, zone);
    } catch (CommandException e) {
      String typed = phrase.strip();
      if (EventRef.tryParse(typed).isPresent()) {
        throw new CommandException("events.is_ref", typed);
      }
      for (String word : phrase.split("\\s+")) {
        String nearest = Words.nearest(word, CatalogWords.filterWords(), 2);
        // a word that is already a filter word (a second family) gets no "did you mean" itself
        if (nearest != null && word.length() > 3 && !Words.fold(word).equals(Words.fold(nearest))) {
          throw new CommandException("events.unknown_word", word, nearest);
        }
      }
      throw e;
    }
  }

  private static EventFilter withOptions(EventFilter parsed, CommandContext context) {
    Family family = parsed.family();
    Slot slot = parsed.slot();
    String city = parsed.city();
    Optional<String> familyOption = context.arguments().get("family");
    if (familyOption.isPresent()) {
      family =
          CatalogWords.family(familyOption.get())
              .orElseThrow(() -> new CommandException("events.unknown_family", familyOption.get()));
    }
    Optional<String> slotOption = context.arguments().get("slot");
    if (slotOption.isPresent()) {
      String value = slotOption.get().toLowerCase(Locale.ROOT);
      slot =
          Arrays.stream(Slot.values())
              .filter(s -> s.key().equals(value))
              .findFirst()
              .or(() -> CatalogWords.slot(value))
              .orElseThrow(() -> new CommandException("events.unknown_slot", slotOption.get()));
    }
    city = context.arguments().get("city").orElse(city);
    return new EventFilter(family, slot, city, parsed.kind());
  }

  private static TimeRange window(Instant now, Duration length) {
    return new TimeRange(now, now.plus(length));
  }

  /**
   * A "more" button's token: {@code evp:<page>:<from>:<to>:<family><slot><kind>:<city>} with
   * minutes since the epoch in base 36. Everything needed to show the page is in it, so it still
   * works after a restart.
   */
  record PageToken(int page, TimeRange range, EventFilter filter) {

    String encode() {
      String token =
          PREFIX
              + ":"
              + page
              + ":"
              + Long.toString(range.start().getEpochSecond() / 60, 36)
              + ":"
              + Long.toString((range.end().getEpochSecond() + 59) / 60, 36)
              + ":"
              + (filter.family() == null ? "-" : Integer.toString(filter.family().ordinal()))
              + (filter.slot() == null ? "-" : Integer.toString(filter.slot().ordinal()))
              + (filter.kind() == null ? "-" : Integer.toString(filter.kind().ordinal()))
              + ":"
              + (filter.city() == null ? "" : filter.city());
      return token.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
              <= Button.MAX_TOKEN_BYTES
          ? token
          : null;
    }

    static PageToken parse(String payload) {
      String[] parts = payload.split(":", 5);
      try {
        int page = Integer.parseInt(parts[0]);
        Instant from = Instant.ofEpochSecond(Long.parseLong(parts[1], 36) * 60);
        Instant to = Instant.ofEpochSecond(Long.parseLong(parts[2], 36) * 60);
        String codes = parts[3];
        Family family = codes.charAt(0) == '-' ? null : Family.values()[codes.charAt(0) - '0'];
        Slot slot = codes.charAt(1) == '-' ? null : Slot.values()[codes.charAt(1) - '0'];
        // Buttons made before kinds were listed have two codes.
        Kind kind =
            codes.length() < 3 || codes.charAt(2) == '-'
                ? null
                : Kind.values()[codes.charAt(2) - '0'];
        String city = parts[4].isEmpty() ? null : parts[4];
        if (page < 0 || !to.isAfter(from)) {
          throw new CommandException("button.unknown");
        }
        return new PageToken(
            page, new TimeRange(from, to), new EventFilter(family, slot, city, kind));
      } catch (RuntimeException e) {
        if (e instanceof CommandException ce) {
          throw ce;
        }
        throw new CommandException("button.unknown");
      }
    }
  }
}
