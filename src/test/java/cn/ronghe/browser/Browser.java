package cn.ronghe.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven through Debian's chromedriver (never a downloaded one), with
 * a fresh profile directory per browser so no session, cookie or stored language leaks between tests.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Generous: the machine is shared and slow; waits end as soon as the condition holds. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final WebDriver driver;
  private final Path profile;
  private final String baseUrl;
  private final String screenshotPrefix;

  private Browser(WebDriver driver, Path profile, String baseUrl, String screenshotPrefix) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
    this.screenshotPrefix = screenshotPrefix;
  }

  /** Null when both executables are there, else what is missing. */
  static String missingExecutables() {
    if (!Files.isExecutable(CHROMIUM)) {
      return CHROMIUM.toString();
    }
    return Files.isExecutable(CHROMEDRIVER) ? null : CHROMEDRIVER.toString();
  }

  static Browser start(String baseUrl, String screenshotPrefix) {
    Path profile;
    try {
      profile = Files.createTempDirectory("ronghe-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1440,900");
    // The users' time zone, so the pages show the times they would see.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
    return new Browser(new ChromeDriver(service, options), profile, baseUrl, screenshotPrefix);
  }

  public WebDriver driver() {
    return driver;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Opens a path of the app, e.g. {@code /camunda/app/tasklist/}. */
  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** The first visible element matching, once there is one. */
  public WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** The first clickable element matching, once there is one. */
  public WebElement clickable(By by) {
    return until(ExpectedConditions.elementToBeClickable(by));
  }

  public void click(By by) {
    retryIfStale(() -> clickable(by).click());
  }

  /** Waits until the condition gives something other than null or false. */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
  }

  /** The trimmed texts of the visible elements matching, as the page shows them now. */
  public List<String> texts(By by) {
    return driver.findElements(by).stream().filter(WebElement::isDisplayed).map(e -> e.getText().trim())
        .filter(t -> !t.isEmpty()).toList();
  }

  /** Waits until some visible element matching shows the text (AngularJS fills pages in after load). */
  public WebElement withText(By by, String text) {
    return until(d -> d.findElements(by).stream().filter(e -> e.isDisplayed() && e.getText().contains(text))
        .findFirst().orElse(null));
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves {@code target/screenshots/<Class>-<method>-<step>.png}, for a step worth looking at. */
  public Path screenshot(String step) {
    return save("-" + step);
  }

  Path save(String suffix) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(screenshotPrefix + suffix + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void savePageSource(String suffix) {
    try {
      Files.writeString(SCREENSHOTS.resolve(screenshotPrefix + suffix + ".html"), driver.getPageSource(),
          StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      // the screenshot is what matters; a page that cannot be serialised is no reason to hide the failure
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }

  private static void retryIfStale(Runnable action) {
    try {
      action.run();
    } catch (StaleElementReferenceException e) {
      action.run();
    }
  }
}
