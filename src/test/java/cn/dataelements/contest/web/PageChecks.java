package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every page of a browser journey is held to: no serious or critical accessibility violation (axe-core), nothing
 * in the browser's console (an error, a CSP violation), no internal code, map dump or ISO instant among its visible
 * words, and no wider than the screen. Each page checked leaves a screenshot under {@code target/screenshots/}.
 */
final class PageChecks {

    /** An enum name or code as the data has it (BLOCKING, MATERIAL_MISSING), not words. */
    static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9])[A-Z][A-Z_]{3,}(?![A-Za-z0-9])");

    /** A Java map written out: {zhangwei=75.00}. */
    static final Pattern MAP_DUMP = Pattern.compile("\\{[^{}]*=[^{}]*}");

    /** A time as the machine writes it: 2024-08-20T01:00:00Z. */
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private PageChecks() {}

    /** Checks the page the browser shows, and keeps its screenshot as {@code <name>.png}. */
    static void check(ChromeDriver browser, String name) throws IOException {
        screenshot(browser, name);
        String page = name + " (" + browser.getCurrentUrl() + ")";
        List<Rule> violations = new AxeBuilder()
                .analyze(browser).getViolations().stream()
                        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                        .toList();
        assertThat(violations.stream()
                        .map(rule -> rule.getId() + ": " + rule.getHelp() + " at "
                                + rule.getNodes().stream()
                                        .map(node -> String.valueOf(node.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .toList())
                .as("serious or critical accessibility violations on " + page)
                .isEmpty();
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage)
                .toList();
        assertThat(console).as("the browser console on " + page).isEmpty();
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(found(CODE, text)).as("internal codes on " + page).isEmpty();
        assertThat(found(MAP_DUMP, text)).as("map dumps on " + page).isEmpty();
        assertThat(found(INSTANT, text)).as("ISO instants on " + page).isEmpty();
        List<?> widths = (List<?>) ((JavascriptExecutor) browser)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).longValue())
                .as(page + ": its width against the window's")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> found(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(m -> m.group()).toList();
    }
}
