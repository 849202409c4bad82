package org.networkeras.web.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.networkeras.calendar.IcsChecks;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.testing.Chat;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public agenda in a real browser: Debian's headless Chromium driven by its own chromedriver
 * (never one Selenium downloads), one session for the class, over the starter catalog. Each step
 * checks the browser logged no error; screenshots go to {@code target/screenshots}. Skipped, with a
 * message saying so, when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class AgendaBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Path folder;
  private Path downloads;
  private AgendaFixture web;
  private ChromeDriver browser;
  private Event event;

  /** Why every test is skipped when the machine has no browser. */
  static final String NO_BROWSER =
      "Browser tests skipped: no browser found (they need "
          + CHROMIUM
          + " and "
          + CHROMEDRIVER
          + ": apt-get install -y chromium chromium-driver)";

  @BeforeAll
  void openTheBrowser() throws IOException {
    if (!browserFound()) {
      // each test is then reported skipped with this reason, and the build's log says it once
      System.err.println(NO_BROWSER);
      return;
    }
    folder = Files.createTempDirectory("agenda-browser");
    downloads = Files.createDirectories(folder.resolve("downloads"));
    Files.createDirectories(SCREENSHOTS);
    web = new AgendaFixture(folder.resolve("db"));
    event =
        web.add(
            "Apéro des blogueurs du jeudi",
            Family.BLOGGERS,
            "Paris",
            "2026-12-03T19:00",
            EventStatus.PUBLISHED);
    Chat.Member alice = web.chat.as("alice").in(AgendaFixture.CHAT);
    alice.send("/visible on");
    alice.send("/going " + event.id());
    web.chat.as("bob").in(AgendaFixture.CHAT).send("/interested " + event.id());
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--lang=en-GB",
        "--window-size=1280,900");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages",
            "en-GB,en",
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (web != null) {
      web.close();
    }
  }

  @BeforeEach
  void desktopSizeAndEnglish() {
    Assumptions.assumeTrue(browserFound(), NO_BROWSER);
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(url(web.agenda() + "?lang=en"));
  }

  @Test
  void loadsTheAgendaGroupedByDay() {
    // when
    browser.get(url(web.agenda()));

    // then
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Agenda of paris-tech");
    assertThat(browser.findElements(By.cssSelector("section.day h3")))
        .extracting(WebElement::getText)
        .startsWith("Thursday 26 November", "Friday 27 November", "Saturday 28 November");
    assertThat(browser.findElements(By.cssSelector("main, header, footer, nav"))).hasSize(4);
    screenshot("agenda-desktop");
    assertNoBrowserErrors();
  }

  @Test
  void filtersByFamily() {
    // when
    new Select(browser.findElement(By.id("family"))).selectByVisibleText("Bloggers");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();

    // then
    waitFor(() -> browser.getCurrentUrl().contains("family=bloggers"));
    List<String> kinds =
        browser.findElements(By.cssSelector(".item .meta")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(kinds).isNotEmpty().allSatisfy(kind -> assertThat(kind).startsWith("Bloggers"));
    assertThat(new Select(browser.findElement(By.id("family"))).getFirstSelectedOption().getText())
        .isEqualTo("Bloggers");
    assertNoBrowserErrors();
  }

  @Test
  void filtersByATimePhraseLikeEvents() {
    // when
    WebElement when = browser.findElement(By.id("when"));
    when.sendKeys("ce week-end");
    when.sendKeys(Keys.ENTER);

    // then
    waitFor(() -> browser.getCurrentUrl().contains("when=ce+week-end"));
    assertThat(browser.findElements(By.cssSelector("section.day h3")))
        .extracting(WebElement::getText)
        .containsExactly("Saturday 28 November");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Barcamp du samedi (sample)")
        .doesNotContain("OpenCoffee (sample)");
    screenshot("agenda-weekend");
    assertNoBrowserErrors();
  }

  @Test
  void opensAnEventAndDownloadsItsCalendarFile() throws Exception {
    // given
    browser.get(url(web.agenda() + "?when=" + "next+week"));

    // when
    browser.findElement(By.linkText("Apéro des blogueurs du jeudi")).click();

    // then
    waitFor(() -> browser.getCurrentUrl().contains("/events/" + event.id()));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Apéro des blogueurs du jeudi");
    String main = browser.findElement(By.tagName("main")).getText();
    assertThat(main)
        .contains("Thursday 3 December, 19:00 – 21:00")
        .contains("1 person going · 1 person interested")
        .contains("Going and happy to say so: alice")
        .contains("Networking")
        .contains("Common interest");
    assertThat(
            browser.findElement(By.linkText("See on a map (OpenStreetMap)")).getAttribute("href"))
        .startsWith("https://www.openstreetmap.org/search?query=");
    screenshot("event-desktop");
    assertNoBrowserErrors();

    // when the member adds it to their calendar
    browser.findElement(By.id("add-to-calendar")).click();

    // then
    Path file = downloads.resolve("event-" + event.id() + ".ics");
    waitFor(() -> Files.isRegularFile(file) && hasEnded(file));
    String ics = Files.readString(file, StandardCharsets.UTF_8);
    var vevent = IcsChecks.events(IcsChecks.valid(ics)).get(0);
    assertThat(IcsChecks.property(vevent, "SUMMARY")).isEqualTo("Apéro des blogueurs du jeudi");
    assertThat(ics).contains("DTSTART;TZID=Europe/Paris:20261203T190000");
  }

  @Test
  void filtersAndOpensAnEventWithTheKeyboardAlone() {
    // when the visitor tabs to the family, types its name, tabs to the button and presses Enter
    tabTo(element -> "family".equals(element.getAttribute("id")));
    browser.switchTo().activeElement().sendKeys("Bloggers");
    tabTo(element -> "submit".equals(element.getAttribute("type")));
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    // then
    waitFor(() -> browser.getCurrentUrl().contains("family=bloggers"));
    assertThat(browser.findElements(By.cssSelector(".item .meta")))
        .isNotEmpty()
        .allSatisfy(kind -> assertThat(kind.getText()).startsWith("Bloggers"));

    // when they tab to the event and press Enter
    tabTo(element -> "Apéro des blogueurs du jeudi".equals(element.getText()));
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    // then
    waitFor(() -> browser.getCurrentUrl().contains("/events/" + event.id()));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Apéro des blogueurs du jeudi");
    assertNoBrowserErrors();
  }

  @Test
  void switchesToFrenchAndRemembersIt() {
    // when
    browser.findElement(By.cssSelector("nav a[hreflang=fr]")).click();

    // then
    waitFor(() -> "fr".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Agenda de paris-tech");
    assertThat(browser.findElement(By.cssSelector("label[for=when]")).getText()).isEqualTo("Quand");

    // when the visitor comes back without the switch in the address
    browser.get(url(web.agenda()));

    // then
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    screenshot("agenda-desktop-fr");
    assertNoBrowserErrors();
  }

  @Test
  void hasNoSidewaysScrollOnAPhone() {
    // given
    browser.manage().window().setSize(new Dimension(375, 812));

    // when
    browser.get(url(web.agenda()));
    long agendaOverflow = overflow();
    screenshot("agenda-phone");
    browser.get(url(web.agenda() + "/events/" + event.id()));
    long eventOverflow = overflow();
    screenshot("event-phone");

    // then
    assertThat(viewportWidth()).isLessThanOrEqualTo(375);
    assertThat(agendaOverflow).as("pixels beyond the agenda's width").isLessThanOrEqualTo(0);
    assertThat(eventOverflow).as("pixels beyond the event page's width").isLessThanOrEqualTo(0);
    assertNoBrowserErrors();
  }

  @Test
  void showsWhereTheKeyboardIs() {
    // when the visitor presses Tab once
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();

    // then the skip link is focused, shown and outlined
    assertThat(focused.getAttribute("class")).isEqualTo("skip");
    assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
    assertThat(focused.getRect().getX()).isGreaterThanOrEqualTo(0);
    assertNoBrowserErrors();
  }

  private static boolean browserFound() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Presses Tab until the focused element is the one looked for (at most 200 times). */
  private void tabTo(java.util.function.Predicate<WebElement> looked) {
    for (int i = 0; i < 200; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      if (looked.test(browser.switchTo().activeElement())) {
        return;
      }
    }
    throw new AssertionError("Tab never reached the element looked for");
  }

  private long overflow() {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  private long viewportWidth() {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.clientWidth;");
  }

  private void assertNoBrowserErrors() {
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertThat(errors).as("the browser's console").isEmpty();
  }

  private void screenshot(String name) {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(),
          SCREENSHOTS.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("could not keep the screenshot " + name, e);
    }
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> condition.getAsBoolean());
  }

  private static boolean hasEnded(Path file) {
    return !Files.exists(file.resolveSibling(file.getFileName() + ".crdownload"));
  }

  private String url(String path) {
    return URI.create("http://127.0.0.1:" + web.port() + path).toString();
  }
}
