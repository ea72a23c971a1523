package io.jeda.gateway.web;

import io.jeda.common.security.Role;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two languages say the same things, and the demo people's setting reads as documented. */
class TextsTest {

    /** Texts that are the same in both languages and live only in the base bundle. */
    private static final Set<String> SHARED = Set.of("app.name", "lang.id", "lang.en", "role.ADMIN");

    @Test
    void everyTextExistsInIndonesianAndInEnglish() {
        Set<String> id = new TreeSet<>(Texts.bundle("id").keySet());
        Set<String> en = new TreeSet<>(java.util.ResourceBundle.getBundle("i18n.messages_en").keySet());
        Set<String> missingInEnglish = new TreeSet<>(id);
        missingInEnglish.removeAll(en);
        missingInEnglish.removeAll(SHARED);
        assertTrue(missingInEnglish.isEmpty(), "not in messages_en.properties: " + missingInEnglish);
        Set<String> onlyInEnglish = new TreeSet<>(en);
        onlyInEnglish.removeAll(id);
        assertTrue(onlyInEnglish.isEmpty(), "not in messages.properties: " + onlyInEnglish);
    }

    @Test
    void indonesianIsTheDefaultWhateverTheMachinesLocale() {
        assertEquals("Hari ini", Texts.get("id", "today.title"));
        assertEquals("Today", Texts.get("en", "today.title"));
        assertEquals("Jeda", Texts.get("en", "app.name"));
        assertEquals("Ditolak: x", Texts.get("id", "js.refused", "x"));
        assertEquals("??no.such.key??", Texts.get("id", "no.such.key"));
    }

    @Test
    void theDemoPeopleAreReadFromOneString() {
        var people = WebSettings.parse("197805152005011002|Hendra Gunawan|OFFICER+MANAGER; 199001012015032001|Siti|OFFICER");
        assertEquals(2, people.size());
        assertEquals("Hendra Gunawan", people.get(0).name());
        assertTrue(people.get(0).manager());
        assertEquals(Set.of(Role.OFFICER), people.get(1).roles());
        assertTrue(WebSettings.parse("").isEmpty());
        assertThrows(ConfigurationException.class, () -> WebSettings.parse("1990|Siti"));
        assertThrows(ConfigurationException.class, () -> WebSettings.parse("1990|Siti|BOSS"));
    }
}
