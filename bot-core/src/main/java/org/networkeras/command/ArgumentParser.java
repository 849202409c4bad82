package org.networkeras.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.networkeras.chat.Arguments;

/**
 * Maps a command's arguments onto its parameters. Typed options (Discord) are taken by name; a line
 * of text (Telegram, the console) is split into words given to the parameters in order, and the
 * first {@link ParameterSpec.Type#TEXT} parameter takes the rest of the line (parameters after it
 * can then only be given as typed options).
 */
public final class ArgumentParser {

  private ArgumentParser() {}

  /**
   * @throws CommandException {@code command.missing_argument} when a required parameter has no
   *     value, {@code command.bad_integer} when a number is not one, {@code command.extra_words}
   *     when words are left over
   */
  public static ParsedArguments parse(CommandSpec spec, Arguments arguments) {
    Map<String, String> values = new LinkedHashMap<>();
    List<ParameterSpec> parameters = spec.parameters();
    for (ParameterSpec parameter : parameters) {
      arguments.option(parameter.name()).ifPresent(value -> values.put(parameter.name(), value));
    }
    String rest = arguments.text().strip();
    for (int i = 0; i < parameters.size() && !rest.isEmpty(); i++) {
      ParameterSpec parameter = parameters.get(i);
      if (values.containsKey(parameter.name())) {
        continue;
      }
      if (parameter.type() == ParameterSpec.Type.TEXT) {
        values.put(parameter.name(), rest);
        rest = "";
      } else {
        int space = indexOfWhitespace(rest);
        values.put(parameter.name(), space < 0 ? rest : rest.substring(0, space));
        rest = space < 0 ? "" : rest.substring(space).strip();
      }
    }
    if (!rest.isEmpty()) {
      throw new CommandException("command.extra_words", rest, "/" + spec.name());
    }
    for (ParameterSpec parameter : parameters) {
      String value = values.get(parameter.name());
      if (value == null) {
        if (parameter.required()) {
          throw new CommandException("command.missing_argument", parameter.name(), spec.name());
        }
      } else if (parameter.type() == ParameterSpec.Type.INTEGER && !isInteger(value)) {
        throw new CommandException("command.bad_integer", parameter.name(), value);
      }
    }
    return new ParsedArguments(values);
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isInteger(String value) {
    if (value.isEmpty() || value.length() > 9) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
