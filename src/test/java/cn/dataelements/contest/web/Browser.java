package cn.dataelements.contest.web;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; {@code bin/setup} installs
 * them), named by path so that Selenium Manager never looks for or downloads a browser. Downloads go to a folder of
 * the test's own.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver start(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,1000",
                "--lang=zh-CN");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        // the console, so a test can see what the page's scripts ran into (a CSP violation is logged there)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // the pages ask before a destructive action (confirm.js): the tests say yes, as the person would
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Signs in and waits for the page it leads to: a click returns while the next page may still be loading, and an
     * element looked up then is looked up on the sign-in page.
     */
    static void signIn(ChromeDriver driver, String base, String user, String password) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage("the signed-in page of " + user + " (still on " + driver.getCurrentUrl() + ")")
                .until(d -> !d.findElements(By.cssSelector("form.signout")).isEmpty());
    }

    /** The file ending in {@code suffix} once the browser has finished downloading it into the folder. */
    /** The page's one-time message, or its error (so that a refusal shows in a failure). */
    static String notice(ChromeDriver driver) {
        return driver.findElements(By.cssSelector(".message, .error")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("(no message on " + driver.getCurrentUrl() + ")");
    }

    /** Clicks what leads to another page and waits until that page has replaced this one and is loaded. */
    static void navigate(ChromeDriver driver, WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        // chromedriver may answer a question about the old page, mid-navigation, with an error of its own ("Node with
        // given id does not belong to the document") instead of saying it is stale: asked again, it says stale
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static Path awaitDownload(Path downloads, String suffix) {
        return org.awaitility.Awaitility.await("a download ending in " + suffix)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(downloads)) {
                                return files.filter(
                                                p -> p.getFileName().toString().endsWith(suffix))
                                        .findFirst()
                                        .orElse(null);
                            }
                        },
                        p -> p != null);
    }

    /** The texts of the elements the selector finds. */
    static List<String> texts(ChromeDriver driver, By selector) {
        return driver.findElements(selector).stream().map(e -> e.getText()).toList();
    }
}
