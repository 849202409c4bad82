package org.networkeras.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A command's argument values by parameter name, checked against its {@link CommandSpec}. */
public final class ParsedArguments {

  private static final ParsedArguments EMPTY = new ParsedArguments(Map.of());

  private final Map<String, String> values;

  ParsedArguments(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static ParsedArguments empty() {
    return EMPTY;
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of a required parameter (the parser guarantees it is present). */
  public String require(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("required parameter " + name + " missing");
    }
    return value;
  }

  /** All values, in parameter order. */
  public Map<String, String> values() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
