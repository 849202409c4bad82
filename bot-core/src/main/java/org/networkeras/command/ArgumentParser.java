package org.networkeras.command;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.Capabilities.PersonNaming;
import org.networkeras.chat.Mention;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;

/**
 * Maps a command's arguments onto its parameters. Typed options (Discord) are taken by name; a line
 * of text (Telegram, the console) is split into words given to the parameters in order, and the
 * first {@link ParameterSpec.Type#TEXT} parameter takes the rest of the line (parameters after it
 * can then only be given as typed options).
 *
 * <p>A {@link ParameterSpec.Type#MEMBER} parameter takes a person the platform identified: the
 * option value or the words a {@link Mention} covers (a mention may span several words), else the
 * person the command replies to. A typed word no mention covers names someone only where the
 * platform's people are named by their id ({@link PersonNaming#TYPED_ID}); elsewhere it is refused
 * with a hint saying how people are named there. A display name never names anyone.
 */
public final class ArgumentParser {

  private ArgumentParser() {}

  /**
   * @param platform where the command comes from (the platform of a person named by id)
   * @param naming how people are named on that platform
   * @throws CommandException {@code command.missing_argument} when a required parameter has no
   *     value, {@code command.bad_integer} when a number is not one, {@code command.extra_words}
   *     when words are left over, {@code command.member_unknown.<naming>} when words name nobody
   *     the platform identified, {@code command.member_missing.<naming>} when a required person is
   *     not named
   */
  public static ParsedArguments parse(
      CommandSpec spec, Arguments arguments, Platform platform, PersonNaming naming) {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(naming, "naming");
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Person> people = new LinkedHashMap<>();
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
        continue;
      }
      if (parameter.type() == ParameterSpec.Type.MEMBER) {
        Optional<Mention> mention = mentionAtStart(rest, arguments.mentions());
        if (mention.isPresent()) {
          values.put(parameter.name(), mention.get().text());
          people.put(parameter.name(), mention.get().person());
          rest = rest.substring(mention.get().text().length()).strip();
          continue;
        }
      }
      int space = indexOfWhitespace(rest);
      values.put(parameter.name(), space < 0 ? rest : rest.substring(0, space));
      rest = space < 0 ? "" : rest.substring(space).strip();
    }
    if (!rest.isEmpty()) {
      throw new CommandException("command.extra_words", rest, "/" + spec.name());
    }
    boolean replyUsed = false;
    for (ParameterSpec parameter : parameters) {
      String value = values.get(parameter.name());
      if (parameter.type() == ParameterSpec.Type.MEMBER && !people.containsKey(parameter.name())) {
        if (value != null) {
          people.put(parameter.name(), person(value, arguments.mentions(), platform, naming));
        } else if (!replyUsed && arguments.repliedTo() != null) {
          people.put(parameter.name(), arguments.repliedTo());
          replyUsed = true;
        } else if (parameter.required()) {
          throw new CommandException("command.member_missing." + naming.key(), spec.name());
        }
        continue;
      }
      if (value == null) {
        if (parameter.required()) {
          throw new CommandException("command.missing_argument", parameter.name(), spec.name());
        }
      } else if (parameter.type() == ParameterSpec.Type.INTEGER && !isInteger(value)) {
        throw new CommandException("command.bad_integer", parameter.name(), value);
      }
    }
    return new ParsedArguments(values, people);
  }

  /** The person typed words name: a mention covering exactly them, or an id where ids are typed. */
  private static Person person(
      String typed, List<Mention> mentions, Platform platform, PersonNaming naming) {
    for (Mention mention : mentions) {
      if (mention.text().equals(typed)) {
        return mention.person();
      }
    }
    String id = typed.startsWith("@") ? typed.substring(1) : typed;
    if (naming == PersonNaming.TYPED_ID && !id.isBlank()) {
      return new Person(platform, id, id);
    }
    throw new CommandException("command.member_unknown." + naming.key(), typed);
  }

  /** The longest mention the text starts with, as whole words. */
  private static Optional<Mention> mentionAtStart(String text, List<Mention> mentions) {
    return mentions.stream()
        .filter(m -> text.startsWith(m.text()))
        .filter(
            m ->
                text.length() == m.text().length()
                    || Character.isWhitespace(text.charAt(m.text().length())))
        .max(Comparator.comparingInt(m -> m.text().length()));
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
