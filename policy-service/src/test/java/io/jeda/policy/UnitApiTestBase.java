package io.jeda.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of the reference-data endpoint tests (units, positions, officers, calendars). It gives the
 * times of day of the settings explicitly: application.yml writes them as
 * {@code ${JEDA_DEFAULT_START:07:30}}, which Micronaut reads as two fallbacks and resolves to "30".
 * Drop this override once application.yml quotes those defaults.
 */
abstract class UnitApiTestBase extends PolicyTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("jeda.policy.defaults.start", "07:30");
        p.put("jeda.policy.defaults.start-window-begin", "07:00");
        p.put("jeda.policy.defaults.start-window-end", "09:00");
        p.put("jeda.policy.defaults.core-start", "09:00");
        p.put("jeda.policy.defaults.core-end", "15:00");
        p.put("jeda.policy.defaults.day-close-time", "23:59");
        p.put("jeda.policy.ramadan.start", "08:00");
        return p;
    }
}
