package io.jeda.e2e.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The system's Chromium, headless and phone-sized (360 px wide), driven through the system's
 * chromedriver: nothing is downloaded. Each instance has a fresh profile, so no cookie, service
 * worker or queued check-in leaks from one test into the next. DevTools commands fake the
 * position and cut the network.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("jeda.e2e.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("jeda.e2e.chromium", "/usr/bin/chromium"));
    static final int WIDTH = 360;
    static final int HEIGHT = 800;
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Whether this machine can run the browser tests at all. */
    static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    private final ChromeDriverService service;

    Browser(URI base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("jeda-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",1000",
                "--lang=id");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        phone(HEIGHT);
    }

    /** A phone's screen: 360 CSS pixels wide, touch, and the page's viewport meta honoured. */
    private void phone(int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
    }

    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Sets a form field's value as a person's input would (time and date fields differ by locale when typed). */
    void fill(String css, String value) {
        driver.executeScript("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));", css, value);
    }

    /** Waits until the element's text contains the words, and returns that text. */
    String waitForText(String css, String words) {
        return until(d -> {
            List<WebElement> e = d.findElements(By.cssSelector(css));
            String text = e.isEmpty() ? null : e.get(0).getText();
            return text != null && text.contains(words) ? text : null;
        }, css + " containing \"" + words + "\"");
    }

    <T> T until(Function<org.openqa.selenium.WebDriver, T> condition, String what) {
        try {
            // A list the page re-renders (after an answer) replaces the element being read: look again.
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; the page says:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Signs in through the development sign-in page with a NIP, as an officer or a manager. */
    void signIn(String nip, boolean manager) {
        open("/signin");
        find("#nip").sendKeys(nip);
        if (manager) {
            find("input[name=role][value=manager]").click();
        }
        find("#signin-submit").click();
        until(d -> d.getCurrentUrl().endsWith("/app/today") ? true : null, "the Today page after signing in");
    }

    /**
     * What a person on this screen would find broken: the page wider than the screen (sideways
     * scrolling of the whole page), and any text whose longest word does not fit the width its box
     * got (a table column squeezed until its words wrap letter by letter). A box inside a sideways
     * scrolling container may be wider than the screen; words over 25 characters (addresses) may break.
     */
    @SuppressWarnings("unchecked")
    List<String> layoutProblems() {
        return (List<String>) driver.executeScript("""
                const out = [];
                const W = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth > W + 1) {
                  out.push('the page is ' + document.documentElement.scrollWidth + ' px wide on a ' + W + ' px screen');
                }
                const ctx = document.createElement('canvas').getContext('2d');
                const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  const cs = getComputedStyle(e);
                  if (r.width <= 1 || cs.visibility === 'hidden' || cs.display === 'none' || e.closest('.sr, .skip')) continue;
                  if (r.right > W + 1 && !scrolls(e)) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' reaches ' + Math.round(r.right) + ' px');
                  if (e.childElementCount > 0 || cs.textOverflow === 'ellipsis' || ['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'SCRIPT', 'STYLE'].includes(e.tagName)) continue;
                  const words = (e.textContent || '').trim().split(/[\\s\u2013\\/-]+/).filter((w) => w.length > 1 && w.length <= 25);
                  if (!words.length) continue;
                  ctx.font = cs.font;
                  const longest = words.reduce((a, b) => (ctx.measureText(a).width >= ctx.measureText(b).width ? a : b));
                  const room = e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
                  const need = ctx.measureText(longest).width;
                  if (cs.display !== 'inline' && need > room + 1) {
                    out.push('"' + longest + '" in ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + ' needs ' + Math.round(need) + ' px and has ' + Math.round(room));
                  }
                }
                const raw = document.body.innerText.match(/\\?\\?[A-Za-z0-9_.]+\\?\\?/g);
                if (raw) out.push('texts missing from the bundles: ' + [...new Set(raw)].join(', '));
                return out.slice(0, 20);
                """);
    }

    /** Fails, naming what is wrong, when {@link #layoutProblems()} finds anything on this page. */
    void assertReadable(String page) {
        List<String> problems = layoutProblems();
        if (!problems.isEmpty()) {
            screenshot("unreadable-" + page.replaceAll("[^a-zA-Z0-9-]", "-"));
            throw new AssertionError(page + " at " + driver.executeScript("return document.documentElement.clientWidth")
                    + " px:\n  " + String.join("\n  ", problems));
        }
    }

    /** The same check at a desktop's width (1280 px), the phone's screen given back afterwards. */
    void assertReadableOnDesktop(String page) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        try {
            assertReadable(page + " (desktop)");
        } finally {
            phone(HEIGHT);
        }
    }

    /** The browser's position, as its geolocation API will report it, and the permission to ask for it. */
    void position(double latitude, double longitude, double accuracyMeters) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base.toString().replaceAll("/$", ""),
                "permissions", List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", latitude, "longitude", longitude, "accuracy", accuracyMeters));
    }

    /** Cuts the network (as airplane mode would) or gives it back. */
    void online(boolean online) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The whole page as a PNG under target/screenshots/, for people to look at. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("jeda.e2e.work", "target")).resolve("screenshots");
            Files.createDirectories(dir);
            // The whole page, not just the first screen: the phone's viewport made as tall as the page.
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            int height = (int) Math.min(4000, Math.ceil(((Number) size.get("height")).doubleValue()));
            phone(Math.max(height, HEIGHT));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            phone(HEIGHT);
            Path to = dir.resolve(name + ".png");
            Files.write(to, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same page as a desktop browser shows it (1280 px wide), under target/screenshots/NAME-desktop.png. */
    Path screenshotDesktop(String name) {
        try {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                    "deviceScaleFactor", 1, "mobile", false));
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            int height = (int) Math.min(4000, Math.ceil(((Number) size.get("height")).doubleValue()));
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280,
                    "height", Math.max(height, 900), "deviceScaleFactor", 1, "mobile", false));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Path dir = Path.of(System.getProperty("jeda.e2e.work", "target")).resolve("screenshots");
            Files.createDirectories(dir);
            Path to = dir.resolve(name + "-desktop.png");
            Files.write(to, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            phone(HEIGHT);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile; the OS cleans what is left
            }
        }
    }
}
