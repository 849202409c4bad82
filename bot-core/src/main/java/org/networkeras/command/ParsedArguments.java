package org.networkeras.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.networkeras.chat.Person;

/** A command's argument values by parameter name, checked against its {@link CommandSpec}. */
public final class ParsedArguments {

  private static final ParsedArguments EMPTY = new ParsedArguments(Map.of(), Map.of());

  private final Map<String, String> values;
  private final Map<String, Person> people;

  ParsedArguments(Map<String, String> values, Map<String, Person> people) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.people = Collections.unmodifiableMap(new LinkedHashMap<>(people));
  }

  public static ParsedArguments empty() {
    return EMPTY;
  }

  /**
   * The value of a parameter as typed; for a {@link ParameterSpec.Type#MEMBER} parameter, the words
   * that named the person (absent when the command replied to them), see {@link #person}.
   */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * The person a {@link ParameterSpec.Type#MEMBER} parameter names, as the platform identified
   * them; the parser refuses a name it could not resolve, so a given parameter always has one.
   */
  public Optional<Person> person(String name) {
    return Optional.ofNullable(people.get(name));
  }

  /** The value of a required parameter (the parser guarantees it is present). */
  public String require(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("required parameter " + name + " missing");
    }
    return value;
  }

  /** All typed values, in parameter order. */
  public Map<String, String> values() {
    return values;
  }

  @Override
  public String toString() {
    return values + (people.isEmpty() ? "" : " " + people);
  }
}
