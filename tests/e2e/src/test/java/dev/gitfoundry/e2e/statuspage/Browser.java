package dev.gitfoundry.e2e.statuspage;

import dev.gitfoundry.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver by Selenium. Both come from
 * {@code tests/tools/provision-browser.sh} (which {@code provision.sh} runs); the paths are given
 * to Selenium so that it never looks for, or downloads, a driver or a browser of its own.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension LAPTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  private static final String SCRIPT = "tests/tools/provision-browser.sh";
  // Selenium looks for a CDP binding of this exact browser version; WebDriver needs none.
  private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private final ChromeDriver driver;
  private final Path screenshots;
  private Dimension viewport = LAPTOP;

  private Browser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  static Browser start(Path screenshots) throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      install();
    }
    CDP_LOG.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: Chromium's sandbox refuses to run as root, which CI is.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--lang=en-US",
        "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofMinutes(1))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(screenshots);
    return new Browser(driver, screenshots);
  }

  /** What a fresh machine lacks: the project's own script installs it (apt-get). */
  private static void install() throws IOException, InterruptedException {
    Path script = Tools.repositoryRoot().resolve(SCRIPT);
    int exit = new ProcessBuilder("bash", script.toString()).inheritIO().start().waitFor();
    if (exit != 0 || !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          script
              + " did not install "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (exit "
              + exit
              + ")");
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Lays the page out for a screen of this size (phone or laptop), as device emulation does. */
  void viewport(Dimension size) {
    viewport = size;
    emulate(size.height);
  }

  /** Emulates the system's light or dark preference, as a phone or laptop setting would. */
  void colorScheme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Saves the whole page, not only what the screen shows, as {@code <name>.png}. */
  Path screenshot(String name) throws IOException {
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    emulate(Math.max(height.intValue(), viewport.height));
    try {
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } finally {
      emulate(viewport.height);
    }
  }

  private void emulate(int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            viewport.width,
            "height",
            height,
            "deviceScaleFactor",
            1,
            "mobile",
            viewport.width < 600));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
