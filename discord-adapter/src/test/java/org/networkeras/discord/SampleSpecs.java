package org.networkeras.discord;

import java.util.List;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;

/** A representative set of command specs, covering every feature a spec can use. */
final class SampleSpecs {

  private SampleSpecs() {}

  static LocalizedText text(String en, String fr) {
    return new LocalizedText(en, fr);
  }

  static ParameterSpec parameter(
      String name, ParameterSpec.Type type, boolean required, ParameterSpec.Autocomplete complete) {
    return new ParameterSpec(
        name, text("The " + name, "Le " + name), type, required, List.of(), complete);
  }

  static CommandSpec events() {
    return new CommandSpec(
        "events",
        text("Events coming up, for a day or a phrase", "Les événements à venir"),
        List.of(
            parameter("when", ParameterSpec.Type.TEXT, false, ParameterSpec.Autocomplete.NONE),
            parameter("city", ParameterSpec.Type.WORD, false, ParameterSpec.Autocomplete.CITY)),
        Role.MEMBER,
        CommandSpec.Scope.ANYWHERE,
        true);
  }

  static CommandSpec event() {
    return new CommandSpec(
        "event",
        text("One event in detail", "Un événement en détail"),
        List.of(
            parameter("ref", ParameterSpec.Type.WORD, true, ParameterSpec.Autocomplete.EVENT_REF)),
        Role.MEMBER,
        CommandSpec.Scope.ANYWHERE,
        false);
  }

  /** Long texts, fixed choices, numbers, autocomplete, guild-only and moderator commands. */
  static List<CommandSpec> representative() {
    String longDescription = "x".repeat(100);
    String tooLongForAnOption = "An option description far longer than Discord allows. ".repeat(4);
    List<ParameterSpec.Choice> families =
        List.of(
            new ParameterSpec.Choice("networking", text("Networking", "Réseautage")),
            new ParameterSpec.Choice("bloggers", text("Bloggers", "Blogueurs")),
            new ParameterSpec.Choice("promo", text("Promotional", "Événementiel")),
            new ParameterSpec.Choice("interest", text("Common interest", "Intérêts communs")));
    List<ParameterSpec.Choice> offsets =
        List.of(
            new ParameterSpec.Choice("15", text("15 minutes", "15 minutes")),
            new ParameterSpec.Choice("60", text("One hour", "Une heure")));
    List<ParameterSpec.Choice> many =
        java.util.stream.IntStream.range(0, 25)
            .mapToObj(i -> new ParameterSpec.Choice("v" + i, text("Value " + i, "Valeur " + i)))
            .toList();
    return List.of(
        events(),
        event(),
        new CommandSpec(
            "suggest",
            text(longDescription, longDescription),
            List.of(),
            Role.MEMBER,
            CommandSpec.Scope.GROUP_ONLY,
            false),
        new CommandSpec(
            "family",
            text("Events of one family", "Les événements d'une famille"),
            List.of(
                new ParameterSpec(
                    "family",
                    text(tooLongForAnOption, tooLongForAnOption),
                    ParameterSpec.Type.WORD,
                    true,
                    families,
                    ParameterSpec.Autocomplete.FAMILY),
                new ParameterSpec(
                    "page",
                    text("", ""),
                    ParameterSpec.Type.INTEGER,
                    false,
                    List.of(),
                    ParameterSpec.Autocomplete.NONE)),
            Role.MEMBER,
            CommandSpec.Scope.ANYWHERE,
            false),
        new CommandSpec(
            "reminders",
            text("When reminders are sent", "Quand partent les rappels"),
            List.of(
                new ParameterSpec(
                    "minutes",
                    text("Minutes before", "Minutes avant"),
                    ParameterSpec.Type.INTEGER,
                    true,
                    offsets,
                    ParameterSpec.Autocomplete.NONE),
                new ParameterSpec(
                    "pick",
                    text("Many choices", "Beaucoup de choix"),
                    ParameterSpec.Type.WORD,
                    false,
                    many,
                    ParameterSpec.Autocomplete.NONE)),
            Role.MODERATOR,
            CommandSpec.Scope.GROUP_ONLY,
            false),
        new CommandSpec(
            "approve",
            text("Approve a suggestion", "Approuver une suggestion"),
            List.of(
                parameter(
                    "ref", ParameterSpec.Type.WORD, true, ParameterSpec.Autocomplete.EVENT_REF),
                parameter("note", ParameterSpec.Type.TEXT, false, ParameterSpec.Autocomplete.NONE)),
            Role.MODERATOR,
            CommandSpec.Scope.GROUP_ONLY,
            true),
        new CommandSpec(
            "settings",
            text("Community settings", "Réglages de la communauté"),
            List.of(
                parameter("key", ParameterSpec.Type.WORD, true, ParameterSpec.Autocomplete.COMMAND),
                parameter("value", ParameterSpec.Type.TEXT, true, ParameterSpec.Autocomplete.NONE)),
            Role.ADMIN,
            CommandSpec.Scope.GROUP_ONLY,
            false));
  }
}
