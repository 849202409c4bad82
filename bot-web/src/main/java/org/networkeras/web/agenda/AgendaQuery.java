package org.networkeras.web.agenda;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The agenda's filters as the query string carries them: {@code family} and {@code slot} keys, a
 * {@code city} and a {@code when} phrase; empty means all. Values are kept as typed, trimmed and
 * cut to 200 characters.
 */
record AgendaQuery(String family, String slot, String city, String when) {

  private static final int MAX = 200;

  AgendaQuery {
    family = clean(family);
    slot = clean(slot);
    city = clean(city);
    when = clean(when);
  }

  static final AgendaQuery NONE = new AgendaQuery("", "", "", "");

  /** The query string of these filters in {@code lang}: {@code ?lang=fr&family=bloggers}. */
  String toQueryString(String lang) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("lang", lang);
    params.put("family", family);
    params.put("slot", slot);
    params.put("city", city);
    params.put("when", when);
    return "?"
        + params.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static String clean(String value) {
    String text = Objects.requireNonNullElse(value, "").strip();
    return text.length() > MAX ? text.substring(0, MAX) : text;
  }
}
