package org.networkeras.time;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** An RRULE's meaning, for comparing rules written in different orders. */
final class RuleText {

  private RuleText() {}

  /** Its parts by name, {@code BYDAY} days sorted, {@code INTERVAL=1} dropped. */
  static Map<String, String> meaning(String rule) {
    String value = rule.startsWith("RRULE:") ? rule.substring(6) : rule;
    Map<String, String> parts = new TreeMap<>();
    for (String part : value.split(";")) {
      String[] pair = part.split("=", 2);
      String v = pair.length > 1 ? pair[1] : "";
      if (pair[0].equals("BYDAY")) {
        String[] days = v.split(",");
        Arrays.sort(days);
        v = String.join(",", days);
      }
      if (!(pair[0].equals("INTERVAL") && v.equals("1"))) {
        parts.put(pair[0], v);
      }
    }
    return parts;
  }
}
