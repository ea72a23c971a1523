package io.jeda.attendance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same concurrent checks with two writer threads running whole batches side by side (not
 * pipelined), whose batches can deadlock each other on the unique indexes: a deadlocked batch is
 * tried again, and every answer is still the one the request would get alone.
 */
class GroupCommitTwoWritersTest extends GroupCommitTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(super.getProperties());
        p.put("jeda.attendance.group-commit.writers", "2");
        p.put("jeda.attendance.group-commit.pipelined", "false");
        p.put("jeda.attendance.group-commit.max-batch", "8");
        return p;
    }
}
