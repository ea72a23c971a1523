package io.jeda.attendance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same concurrent checks with three pipelined writers and small batches: a batch runs its
 * statements while others commit, so a check-out often needs the session of a check-in whose
 * batch is still committing. Every answer is still the one the request would get alone.
 */
class GroupCommitPipelinedTest extends GroupCommitTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(super.getProperties());
        p.put("jeda.attendance.group-commit.writers", "3");
        p.put("jeda.attendance.group-commit.pipelined", "true");
        p.put("jeda.attendance.group-commit.max-batch", "4");
        return p;
    }
}
