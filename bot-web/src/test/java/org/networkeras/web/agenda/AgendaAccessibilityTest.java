package org.networkeras.web.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.web.Http;

/**
 * What the pages promise those who read them with a screen reader, a keyboard or weak eyes, and
 * without JavaScript: landmarks, one {@code h1} and no skipped heading level, a label for every
 * control, the language declared, every text colour of the style sheet at WCAG AA contrast (4.5:1,
 * 3:1 for the focus ring), and no script (the security policy forbids any).
 */
final class AgendaAccessibilityTest {

  private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
  private static final Pattern COLOUR = Pattern.compile("(?<![-\\w])color:\\s*(#[0-9a-fA-F]{6})");
  private static final Pattern BACKGROUND = Pattern.compile("background:\\s*(#[0-9a-fA-F]{6})");
  private static final Pattern OUTLINE = Pattern.compile("outline:[^;]*(#[0-9a-fA-F]{6})");
  private static final Pattern HEADING = Pattern.compile("<h([1-6])[\\s>]");
  private static final Pattern CONTROL =
      Pattern.compile("<(select|input|textarea)\\b(?![^>]*type=\"hidden\")[^>]*\\bid=\"([^\"]+)\"");

  @TempDir Path tempDir;
  private AgendaFixture web;
  private Event event;

  @BeforeEach
  void start() {
    web = new AgendaFixture(tempDir);
    event =
        web.add("Apéro web", Family.BLOGGERS, "Paris", "2026-12-03T19:00", EventStatus.PUBLISHED);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void everyPageHasLandmarksOneH1NoSkippedHeadingAndALabelForEachControl() {
    for (String language : List.of("en", "fr")) {
      for (String path :
          List.of(
              web.agenda(),
              web.agenda() + "?family=bloggers&when=ce+week-end",
              web.agenda() + "/events/" + event.id(),
              "/w/no-such-page")) {
        // when
        String page = Http.get(web.port(), path, "Accept-Language", language).body();

        // then
        assertThat(page)
            .as(path)
            .contains("<html lang=\"" + language + "\">")
            .contains("<header")
            .containsPattern("<nav aria-label=\"[^\"]+\"")
            .contains("<main id=\"main\"")
            .contains("<footer")
            .containsPattern("<a class=\"skip\" href=\"#main\">[^<]+</a>");
        List<Integer> levels = new ArrayList<>();
        Matcher heading = HEADING.matcher(page);
        while (heading.find()) {
          levels.add(Integer.parseInt(heading.group(1)));
        }
        assertThat(levels).as(path).isNotEmpty().first().isEqualTo(1);
        assertThat(levels.stream().filter(level -> level == 1).count()).as(path).isEqualTo(1);
        for (int i = 1; i < levels.size(); i++) {
          assertThat(levels.get(i))
              .as("%s headings %s", path, levels)
              .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        Matcher control = CONTROL.matcher(page);
        while (control.find()) {
          assertThat(page).as(path).contains("<label for=\"" + control.group(2) + "\">");
        }
      }
    }
  }

  @Test
  void pagesRunNoScriptAndTheSecurityPolicyForbidsAny() {
    // when
    HttpResponse<String> agenda = Http.get(web.port(), web.agenda());
    HttpResponse<String> page = Http.get(web.port(), web.agenda() + "/events/" + event.id());

    // then
    for (HttpResponse<String> response : List.of(agenda, page)) {
      assertThat(response.body()).doesNotContain("<script").doesNotContainPattern(" on[a-z]+=\"");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              policy ->
                  assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
    }
    // filtering is a plain GET form: the filtered agenda is an address like any other
    assertThat(agenda.body()).contains("<form method=\"get\"").contains("<button type=\"submit\">");
  }

  @Test
  void everyTextColourOfTheStyleSheetMeetsAaContrast() throws IOException {
    // given: the page's backgrounds, where a rule sets none of its own
    List<String> pageBackgrounds = List.of("#fafaf7", "#ffffff");
    String css;
    try (InputStream in = AgendaRoutes.class.getResourceAsStream("/web/agenda.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    css = css.replaceAll("(?s)/\\*.*?\\*/", "");

    // when
    int checked = 0;
    Matcher rule = RULE.matcher(css);
    while (rule.find()) {
      String selector = rule.group(1).strip();
      String body = rule.group(2);
      Matcher colour = COLOUR.matcher(body);
      Matcher background = BACKGROUND.matcher(body);
      List<String> behind = background.find() ? List.of(background.group(1)) : pageBackgrounds;
      // then
      if (colour.find()) {
        for (String back : behind) {
          assertThat(contrast(colour.group(1), back))
              .as("%s: %s on %s", selector, colour.group(1), back)
              .isGreaterThanOrEqualTo(4.5);
          checked++;
        }
      }
      Matcher outline = OUTLINE.matcher(body);
      if (outline.find()) {
        for (String back : pageBackgrounds) {
          assertThat(contrast(outline.group(1), back))
              .as("%s: focus ring %s on %s", selector, outline.group(1), back)
              .isGreaterThanOrEqualTo(3.0);
          checked++;
        }
      }
    }
    assertThat(checked).as("colours checked").isGreaterThanOrEqualTo(15);
  }

  /** WCAG 2's contrast ratio of two sRGB colours ({@code #rrggbb}). */
  private static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
