package io.jeda.e2e.web;

import io.jeda.common.security.Role;
import io.jeda.e2e.JedaServices;
import io.jeda.e2e.JedaServicesExtension;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new agency set up through the gateway with the web app and the sample CSV files alone
 * ({@code examples/agency/}): a national admin makes the unit and its office in the browser, imports
 * positions, the calendar and the officers (a bad file first: its rows are shown by line, nothing is
 * stored), makes an on-call roster; then an officer of the new agency signs in and sees today's
 * schedule. A scoped admin's refusal is said in words. Screenshots at 360 and 1280 px.
 */
@ExtendWith(JedaServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserIT {

    private static final String UNIT = "dinkes-kupang";
    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final String ADMIN = "198203102008011006";
    private static final String OFFICER = "198907122014032002";

    private JedaServices services;

    @BeforeAll
    void services(JedaServices services) {
        if (!Browser.available()) {
            Assumptions.abort("no Chromium and chromedriver: the web app's browser tests are skipped");
        }
        this.services = services;
    }

    private static Path sample(String name) {
        Path here = Path.of(System.getProperty("jeda.e2e.root", System.getProperty("user.dir") + "/..")).toAbsolutePath()
                .resolve("e2e");
        Path p = here.resolve("../examples/agency").resolve(name).normalize();
        return Files.exists(p) ? p : here.resolve("examples/agency").resolve(name);
    }

    /** Signed in as an admin of the scope: the session the identity provider's sign-in would give. */
    private static void signInAdmin(Browser b, String scope) {
        b.open("/signin");
        b.driver.manage().addCookie(new Cookie("jeda_session", Tokens.scoped(ADMIN, scope, Role.OFFICER, Role.ADMIN)));
    }

    private static void setValue(Browser b, WebElement e, String value) {
        b.driver.executeScript("arguments[0].value = arguments[1]", e, value);
    }

    /** Uploads a sample file, runs the dry run and returns the summary it shows. */
    private static String check(Browser b, String kind, String file) {
        upload(b, kind, file);
        return b.until(d -> {
            String s = b.find("#i-summary").getText();
            return s.isBlank() ? null : s;
        }, "the dry run's summary");
    }

    private static void upload(Browser b, String kind, String file) {
        new Select(b.find("#i-kind")).selectByValue(kind);
        b.find("#i-file").sendKeys(sample(file).toString());
        b.find("#i-check").click();
    }

    private static void importGood(Browser b, String kind, String file, int rows) {
        String summary = check(b, kind, file);
        assertTrue(summary.contains(rows + " baris dibaca; tidak ada kesalahan"), summary);
        assertTrue(b.find("#i-apply").isEnabled());
        b.find("#i-apply").click();
        b.waitForText("#i-summary", rows + " baris disimpan");
    }

    @Test
    void anAdminSetsUpANewAgencyFromCsvFilesAndTheWebAppAndItsOfficerSeesToday() {
        try (Browser b = new Browser(services.gatewayHttp())) {
            signInAdmin(b, "*");
            // The unit and its office, in the browser. The header names the admin's role.
            b.open("/app/admin/units");
            assertEquals("Admin", b.find("#who-role").getText());
            b.until(d -> b.all("#u-parent option").size() > 0 ? true : null, "the units' list");
            b.find("#u-id").sendKeys(UNIT);
            b.find("#u-name").sendKeys("Dinas Kesehatan Kota Kupang");
            new Select(b.find("#u-zone")).selectByValue("Asia/Makassar");
            b.find("#u-submit").click();
            b.waitForText("#admin-status", "Dinas Kesehatan Kota Kupang disimpan");
            b.waitForText("#units", UNIT);
            new Select(b.find("#o-unit")).selectByValue(UNIT);
            b.find("#o-id").sendKeys("kantor-dinkes");
            b.find("#o-name").sendKeys("Kantor Dinas Kesehatan");
            b.find("#o-lat").sendKeys("-10.1772");
            b.find("#o-lon").sendKeys("123.6070");
            b.find("#o-radius").clear();
            b.find("#o-radius").sendKeys("150");
            b.find("#o-submit").click();
            String units = b.waitForText("#units tr[data-unit=" + UNIT + "]", "Kantor Dinas Kesehatan");
            assertTrue(units.contains("-10.1772, 123.607") && units.contains("150 m"), units);
            assertTrue(units.contains("WITA"), units);
            // On the phone every row is readable: no column squeezed into letters, nothing wider than the screen.
            b.assertReadable("admin-units");
            b.screenshot("admin-units");
            b.screenshotDesktop("admin-units");

            // Positions, then the calendar, from the sample files: a dry run, then apply.
            b.open("/app/admin/import");
            importGood(b, "positions", "jabatan.csv", 3);
            importGood(b, "calendar-days", "kalender.csv", 4);
            // A bad officers' file: every bad row by its line, nothing stored, no apply.
            String bad = check(b, "officers", "pegawai-salah.csv");
            assertTrue(bad.contains("3 kesalahan"), bad);
            assertEquals(3, b.all("#problems tbody tr").size());
            String problems = b.find("#problems").getText();
            assertTrue(problems.contains("NIP tidak sah") && problems.contains("Unit tidak dikenal")
                    && problems.contains("NIP ganda dalam berkas"), problems);
            assertEquals("2", b.all("#problems tbody tr").get(0).getAttribute("data-line"));
            assertFalse(b.find("#i-apply").isEnabled());
            b.screenshot("admin-import-errors");
            b.screenshotDesktop("admin-import-errors");
            importGood(b, "officers", "pegawai.csv", 4);

            b.open("/app/admin/positions");
            String pos = b.waitForText("#positions tr[data-position=epidemiolog-kupang]", "Epidemiolog Kesehatan, Ahli Muda");
            assertTrue(pos.contains("07:00–09:00") && pos.contains("09:00–15:00"), pos);
            b.assertReadable("admin-positions");
            b.screenshot("admin-positions");
            b.open("/app/admin/calendar");
            setValue(b, b.find("#year"), "2027");
            b.driver.executeScript("arguments[0].dispatchEvent(new Event('change'))", b.find("#year"));
            b.waitForText("#days", "Hari Jadi Dinas Kesehatan Kota Kupang");
            // Dates in the page's language, the ISO date kept in the time element.
            b.until(d -> b.all("#ramadan time[datetime='2027-02-08']").isEmpty() ? null : true, "the Ramadan period");
            assertEquals("Sen, 8 Feb 2027", b.find("#ramadan time[datetime='2027-02-08']").getText());
            b.assertReadable("admin-calendar");
            b.screenshot("admin-calendar");

            // The on-call roster of four officers, 12-hour turns from 07:00 today (WITA): 24/7 in turns of
            // 12 hours needs four people to stay under the weekly cap of 56 hours (two would take 84 each).
            b.open("/app/admin/rosters");
            b.until(d -> b.all("#r-unit option").size() > 0 ? true : null, "the units in the roster form");
            b.find("#r-id").sendKeys("piket-igd-kupang");
            b.find("#r-name").sendKeys("Piket IGD Dinkes Kupang");
            new Select(b.find("#r-unit")).selectByValue(UNIT);
            b.find("#r-members").sendKeys("199203152019031003,199512012020122004\n199512012020122004,199203152019031003\n"
                    + "198907122014032002,197805102005012001\n197805102005012001,198907122014032002");
            b.find("#r-turn").clear();
            b.find("#r-turn").sendKeys("12");
            setValue(b, b.find("#r-start"), LocalDate.now(ZONE) + "T07:00");
            b.find("#r-submit").click();
            b.waitForText("#admin-status", "Piket IGD Dinkes Kupang disimpan");
            b.until(d -> b.all("#slots li").size() >= 4 ? true : null, "the on-call calendar");
            String slots = b.find("#slots").getText();
            assertTrue(slots.contains("199203152019031003") && slots.contains("199512012020122004"), slots);
            b.assertReadable("admin-rosters");
            b.screenshot("admin-rosters");
            b.screenshotDesktop("admin-rosters");

            // Every step is in the list of admin changes.
            b.open("/app/admin/changes");
            String changes = b.waitForText("#changes", "ImportOfficers");
            assertTrue(changes.contains("ImportPositions") && changes.contains("ImportCalendarDays")
                    && changes.contains("CreateRoster") && changes.contains("UpdateUnit"), changes);
            b.screenshot("admin-changes");
        }
        // A scoped admin of the new agency may not import positions (they belong to every unit): said in words.
        try (Browser b = new Browser(services.gatewayHttp())) {
            signInAdmin(b, UNIT);
            b.open("/app/admin/import");
            upload(b, "positions", "jabatan.csv");
            String said = b.waitForText("#admin-status", "Ditolak");
            assertTrue(said.contains("di luar wilayah administrasi Anda") && said.contains(UNIT + ")"), said);
            b.screenshot("admin-import-refused");
        }
        // An officer of the new agency signs in and sees today's schedule.
        try (Browser b = new Browser(services.gatewayHttp())) {
            b.signIn(OFFICER, false);
            String why = b.until(d -> {
                String s = b.find("#s-why").getText();
                return s.isBlank() ? null : s;
            }, "today's schedule");
            assertFalse(b.find("#s-place").getText().isBlank(), why);
            b.screenshot("admin-new-agency-officer-today");
        }
    }
}
