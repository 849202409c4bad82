package org.networkeras.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.networkeras.agenda.AgendaService;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.community.CommunityService;
import org.networkeras.nativeevents.NativeEventsService;
import org.networkeras.page.PageService;
import org.networkeras.soon.StartingSoonService;

/** The settings {@code /settings} knows, by key, in the order it lists them. Immutable. */
public final class SettingsRegistry {

  private final Map<String, Setting> settings = new LinkedHashMap<>();

  private SettingsRegistry(List<Setting> all) {
    for (Setting setting : all) {
      if (settings.putIfAbsent(setting.key(), setting) != null) {
        throw new IllegalArgumentException("two settings named " + setting.key());
      }
    }
  }

  /**
   * Every setting: zone, language, city, mode, announce, modchat, moderator, admin, reminders,
   * agenda, soon, web, discord-events.
   */
  public static SettingsRegistry standard(
      CommunityService communities,
      SettingsService settings,
      AgendaService agenda,
      StartingSoonService soon,
      PageService pages,
      NativeEventsService nativeEvents) {
    return new SettingsRegistry(
        List.of(
            new ZoneSetting(communities),
            new LanguageSetting(communities),
            new CitySetting(communities),
            new ModeSetting(settings),
            new AnnounceSetting(settings),
            new ModChatSetting(settings),
            new RoleSetting(settings, Role.MODERATOR),
            new RoleSetting(settings, Role.ADMIN),
            new RemindersSetting(settings),
            new AgendaSetting(agenda),
            new SoonSetting(soon),
            new WebSetting(pages),
            new DiscordEventsSetting(nativeEvents)));
  }

  /** The keys, in order. */
  public List<String> keys() {
    return List.copyOf(settings.keySet());
  }

  /**
   * How {@code /log} shows a recorded settings change, in the reader's language ({@code Weekly
   * agenda (agenda): Monday at 09:30}); a detail no setting recognizes (an older format) is shown
   * as stored.
   */
  public String logged(CommandContext context, String detail) {
    for (Setting setting : settings.values()) {
      String key = setting.key();
      if (detail.length() > key.length()
          && detail.startsWith(key)
          && "=+-".indexOf(detail.charAt(key.length())) >= 0) {
        try {
          return setting.logged(context, detail);
        } catch (RuntimeException unreadable) {
          return detail;
        }
      }
    }
    return detail;
  }

  Optional<Setting> find(String key) {
    return Optional.ofNullable(settings.get(key.strip().toLowerCase(Locale.ROOT)));
  }

  List<Setting> all() {
    return List.copyOf(settings.values());
  }
}
