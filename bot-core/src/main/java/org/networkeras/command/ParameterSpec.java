package org.networkeras.command;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter of a command.
 *
 * @param name {@code [a-z0-9_]{1,32}}
 * @param description what to type, in both languages
 * @param type how the value is typed and checked
 * @param required whether the command needs it
 * @param choices fixed values to choose from (Discord shows them as a list), or empty
 * @param autocomplete what to suggest while typing, or {@link Autocomplete#NONE}
 */
public record ParameterSpec(
    String name,
    LocalizedText description,
    Type type,
    boolean required,
    List<Choice> choices,
    Autocomplete autocomplete) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

  /** The type of a parameter value. */
  public enum Type {
    /** One word. */
    WORD,
    /** Free text; typed as a line, it takes the rest of the line. */
    TEXT,
    /** A whole number. */
    INTEGER,
    /**
     * A person, as the platform identifies them: a user option on Discord; on Telegram a mention or
     * the author of the message the command replies to; the typed id on the console. Never a
     * display name. The command reads it with {@link ParsedArguments#person(String)}.
     */
    MEMBER
  }

  /** What autocomplete offers for a parameter. */
  public enum Autocomplete {
    NONE,
    EVENT_REF,
    CITY,
    FAMILY,
    COMMAND
  }

  /**
   * A fixed choice.
   *
   * @param value what is sent
   * @param label what is shown, in both languages
   */
  public record Choice(String value, LocalizedText label) {
    public Choice {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(label, "label");
    }
  }

  /** A parameter with no fixed choices and no autocomplete. */
  public static ParameterSpec of(
      String name, LocalizedText description, Type type, boolean required) {
    return new ParameterSpec(name, description, type, required, List.of(), Autocomplete.NONE);
  }

  /** The same parameter offering these fixed choices. */
  public ParameterSpec withChoices(List<Choice> newChoices) {
    return new ParameterSpec(name, description, type, required, newChoices, autocomplete);
  }

  /** The same parameter with autocomplete. */
  public ParameterSpec withAutocomplete(Autocomplete newAutocomplete) {
    return new ParameterSpec(name, description, type, required, choices, newAutocomplete);
  }

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad parameter name: " + name);
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
    choices = List.copyOf(choices);
    Objects.requireNonNull(autocomplete, "autocomplete");
    if (choices.size() > 25) {
      throw new IllegalArgumentException("at most 25 choices");
    }
  }
}
