package org.networkeras.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.agenda.AgendaSchedule;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.page.PageService;

/**
 * {@code /settings web on|off}: whether the community's agenda is published as a public web page.
 * Its address holds an unguessable slug; the confirmation gives it.
 */
final class WebSetting implements Setting {

  private final PageService pages;

  WebSetting(PageService pages) {
    this.pages = Objects.requireNonNull(pages, "pages");
  }

  @Override
  public String key() {
    return "web";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("state", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("state");
    boolean on =
        AgendaSchedule.onOrOff(typed)
                .orElseThrow(() -> new CommandException("settings.bad_web", typed))
            == AgendaSchedule.State.ON;
    pages.turn(context.community(), on);
    return "web=" + (on ? "on" : "off");
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    Optional<String> slug = pages.slug(context.community());
    if (slug.isEmpty()) {
      return context.text("settings.off");
    }
    return pages
        .address(slug.get())
        .map(url -> context.text("settings.web.on", url))
        .orElseGet(() -> context.text("settings.web.no_server"));
  }
}
