package org.networkeras.settings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.agenda.AgendaSchedule;
import org.networkeras.agenda.AgendaService;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.Words;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.community.CommunitySettings;
import org.networkeras.community.SettingsRepository;
import org.networkeras.community.SettingsService;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.moderation.ModerationLog;
import org.networkeras.soon.StartingSoonService;

/**
 * {@code /settings [setting] [value]}: shows the community's settings, or changes one (admins):
 * zone, language, city, mode, announce, modchat, moderator, admin, reminders, agenda, soon. Each
 * value is checked (a real IANA zone, a language the bot speaks) and each change logged.
 */
public final class SettingsCommand implements CommandHandler {

  static final List<String> KEYS =
      List.of(
          "zone",
          "language",
          "city",
          "mode",
          "announce",
          "modchat",
          "moderator",
          "admin",
          "reminders",
          "agenda",
          "soon");

  private static final Pattern OFFSET = Pattern.compile("(\\d{1,4})\\s*([mhdj])");
  private static final int MAX_OFFSETS = 5;

  private final CommunityService communities;
  private final SettingsService settings;
  private final ModerationLog log;
  private final AgendaService agenda;
  private final StartingSoonService soon;
  private final CommandSpec spec;

  public SettingsCommand(
      CommunityService communities,
      SettingsService settings,
      ModerationLog log,
      AgendaService agenda,
      StartingSoonService soon,
      Messages messages) {
    this.agenda = agenda;
    this.soon = soon;
    this.communities = communities;
    this.settings = settings;
    this.log = log;
    this.spec =
        new CommandSpec(
            "settings",
            LocalizedText.of(messages, "settings.description"),
            List.of(
                new ParameterSpec(
                    "setting",
                    LocalizedText.of(messages, "settings.param.setting"),
                    ParameterSpec.Type.WORD,
                    false,
                    KEYS.stream()
                        .map(
                            k ->
                                new ParameterSpec.Choice(
                                    k, LocalizedText.of(messages, "settings.key." + k)))
                        .toList(),
                    ParameterSpec.Autocomplete.NONE),
                ParameterSpec.of(
                    "value",
                    LocalizedText.of(messages, "settings.param.value"),
                    ParameterSpec.Type.TEXT,
                    false)),
            Role.ADMIN,
            CommandSpec.Scope.ANYWHERE,
            false);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    if (!context.role().atLeast(Role.ADMIN)) {
      throw new CommandException("command.not_allowed", "settings");
    }
    Optional<String> key = context.arguments().get("setting");
    if (key.isEmpty()) {
      return show(context);
    }
    String setting = key.get().toLowerCase(Locale.ROOT);
    if (!KEYS.contains(setting)) {
      throw new CommandException("settings.unknown", key.get(), String.join(", ", KEYS));
    }
    String value = context.arguments().get("value").orElse("").strip();
    if (value.isEmpty()) {
      throw new CommandException("settings.value_missing", setting);
    }
    Community community = context.community();
    CommunitySettings current = settings.settings(community);
    String detail;
    switch (setting) {
      case "zone" -> {
        ZoneId zone = zone(value);
        communities.update(copy(community, zone, community.language(), community.defaultCity()));
        detail = "zone=" + zone.getId();
      }
      case "language" -> {
        Language language =
            isOff(value) || value.equalsIgnoreCase("auto")
                ? null
                : Language.parse(value.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new CommandException("settings.bad_language", value));
        communities.update(copy(community, community.zone(), language, community.defaultCity()));
        detail = "language=" + (language == null ? "auto" : language.code());
      }
      case "city" -> {
        String city = isOff(value) ? null : value;
        if (city != null && city.length() > 60) {
          throw new CommandException("settings.city_too_long", 60);
        }
        communities.update(copy(community, community.zone(), community.language(), city));
        detail = "city=" + (city == null ? "none" : city);
      }
      case "mode" -> {
        CommunitySettings.Mode mode =
            CommunitySettings.Mode.fromKey(value)
                .orElseThrow(() -> new CommandException("settings.bad_mode", value));
        settings.save(current.withMode(mode));
        detail = "mode=" + mode.key();
      }
      case "announce" -> {
        List<Conversation> to = new ArrayList<>(current.announceTo());
        if (isOff(value)) {
          to.clear();
        } else {
          Conversation here = here(context, value);
          to.removeIf(c -> c.key().equals(here.key()));
          to.add(here);
        }
        settings.save(current.withAnnounceTo(to));
        detail = "announce=" + (to.isEmpty() ? "off" : to.get(to.size() - 1).key());
      }
      case "modchat" -> {
        Conversation chat = isOff(value) ? null : here(context, value);
        settings.save(current.withModeratorsChat(chat));
        detail = "modchat=" + (chat == null ? "off" : chat.key());
      }
      case "moderator", "admin" -> {
        String[] words = value.split("\\s+", 2);
        boolean add = words[0].equalsIgnoreCase("add") || words[0].equalsIgnoreCase("ajouter");
        boolean remove =
            words[0].equalsIgnoreCase("remove") || words[0].equalsIgnoreCase("retirer");
        if ((!add && !remove) || words.length < 2) {
          throw new CommandException("settings.member_usage", setting);
        }
        String member = member(community, words[1]);
        Set<String> keys =
            new LinkedHashSet<>(setting.equals("admin") ? current.admins() : current.moderators());
        if (add) {
          keys.add(member);
        } else {
          keys.remove(member);
        }
        settings.save(
            setting.equals("admin") ? current.withAdmins(keys) : current.withModerators(keys));
        detail = setting + (add ? "+" : "-") + member;
      }
      case "agenda" -> {
        AgendaSchedule schedule = AgendaSchedule.parse(value, agenda.schedule(community));
        agenda.choose(community, schedule);
        detail = "agenda=" + schedule.describe();
      }
      case "soon" -> {
        Optional<Duration> lead = StartingSoonService.parse(value);
        soon.choose(community, lead);
        detail = "soon=" + StartingSoonService.describe(lead);
      }
      default -> {
        List<Duration> offsets = offsets(value);
        settings.save(current.withReminderOffsets(offsets));
        detail = "reminders=" + value;
      }
    }
    log.record(
        community.id(),
        context.command().user(),
        ModerationLog.Action.SETTINGS,
        null,
        detail,
        context.now());
    return context
        .reply()
        .line(Piece.text(context.text("settings.changed") + " "), Piece.text(detail))
        .privately()
        .build();
  }

  private Reply show(CommandContext context) {
    Community community = context.community();
    CommunitySettings current = settings.settings(community);
    Reply.Builder reply = context.reply().privately();
    reply.line(Piece.bold(context.text("settings.title")));
    reply.line(Piece.text("zone: " + community.zone().getId()));
    reply.line(
        Piece.text(
            "language: " + (community.language() == null ? "auto" : community.language().code())));
    reply.line(
        Piece.text("city: "),
        Piece.text(community.defaultCity() == null ? "-" : community.defaultCity()));
    reply.line(Piece.text("mode: " + current.mode().key()));
    reply.line(
        Piece.text(
            "announce: "
                + (current.announceTo().isEmpty()
                    ? "-"
                    : String.join(
                        ", ", current.announceTo().stream().map(Conversation::key).toList()))));
    reply.line(
        Piece.text(
            "modchat: "
                + (current.moderatorsChat() == null ? "-" : current.moderatorsChat().key())));
    reply.line(Piece.text("moderator: " + names(current.moderators())));
    reply.line(Piece.text("admin: " + names(current.admins())));
    reply.line(
        Piece.text(
            "reminders: "
                + String.join(
                    ", ",
                    current.reminderOffsets().stream().map(SettingsCommand::offset).toList())));
    reply.line(Piece.text("agenda: " + agenda.schedule(community).describe()));
    reply.line(Piece.text("soon: " + StartingSoonService.describe(soon.lead(community))));
    reply.line(Line.text(context.text("settings.hint")));
    return reply.build();
  }

  private static String names(Set<String> keys) {
    return keys.isEmpty() ? "-" : String.join(", ", keys.stream().sorted().toList());
  }

  private static String offset(Duration d) {
    if (d.toMinutes() % (24 * 60) == 0) {
      return d.toDays() + "d";
    }
    if (d.toMinutes() % 60 == 0) {
      return d.toHours() + "h";
    }
    return d.toMinutes() + "m";
  }

  static ZoneId zone(String value) {
    String id = value.strip();
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      // Accept a different case ("europe/paris"), nothing else.
      Optional<String> found =
          ZoneId.getAvailableZoneIds().stream().filter(z -> z.equalsIgnoreCase(id)).findFirst();
      if (found.isEmpty() || !found.get().contains("/")) {
        throw new CommandException("settings.bad_zone", id);
      }
      return ZoneId.of(found.get());
    }
    try {
      if (!id.contains("/")) {
        throw new CommandException("settings.bad_zone", id);
      }
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new CommandException("settings.bad_zone", id);
    }
  }

  static List<Duration> offsets(String value) {
    List<Duration> offsets = new ArrayList<>();
    for (String part : value.split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      Matcher m = OFFSET.matcher(part.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandException("settings.bad_offsets", value);
      }
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      if (d.compareTo(Duration.ofMinutes(5)) < 0 || d.compareTo(Duration.ofDays(30)) > 0) {
        throw new CommandException("settings.bad_offsets", value);
      }
      if (!offsets.contains(d)) {
        offsets.add(d);
      }
    }
    if (offsets.isEmpty() || offsets.size() > MAX_OFFSETS) {
      throw new CommandException("settings.bad_offsets", value);
    }
    offsets.sort(java.util.Comparator.reverseOrder());
    return offsets;
  }

  private static boolean isOff(String value) {
    String v = Words.fold(value.strip());
    return v.equals("off")
        || v.equals("none")
        || v.equals("aucun")
        || v.equals("aucune")
        || v.equals("-");
  }

  private static Conversation here(CommandContext context, String value) {
    String v = Words.fold(value.strip());
    if (!v.equals("here") && !v.equals("ici")) {
      throw new CommandException("settings.here_or_off");
    }
    Conversation conversation = context.command().conversation();
    if (conversation.isDirect()) {
      throw new CommandException("command.group_only", "settings");
    }
    return conversation;
  }

  private String member(Community community, String typed) {
    String name = typed.strip();
    if (name.startsWith("@")) {
      name = name.substring(1);
    }
    Optional<SettingsRepository.Member> member = settings.member(community, name);
    if (member.isPresent()) {
      return member.get().userKey();
    }
    if (name.matches("(discord|telegram|console):\\S+")) {
      return name;
    }
    throw new CommandException("settings.unknown_member", name);
  }

  private static Community copy(Community community, ZoneId zone, Language language, String city) {
    return new Community(
        community.id(), community.name(), zone, language, city, community.createdAt());
  }
}
