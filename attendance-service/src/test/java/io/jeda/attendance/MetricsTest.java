package io.jeda.attendance;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.testing.Prometheus;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * attendance-service's management port as Prometheus scrapes it: gRPC latency, the group commit's
 * batches and queue, its deadlocks, fallbacks and refusals, the database pool, and the
 * reconciliation backlog, which grows with check-ins accepted while policy-service fails.
 */
class MetricsTest extends AttendanceTestBase {

    @Inject
    EmbeddedServer management;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(super.getProperties());
        p.put("jeda.attendance.metrics.backlog-refresh", "0s");
        return p;
    }

    private String scrape() {
        return Prometheus.scrape(management.getPort());
    }

    @Test
    void groupCommitBatchesAndCheckInLatency() throws Exception {
        String before = scrape();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AttendanceEvent>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String nip = String.format("199001012015031%03d", i);
                POLICY.officer(nip, UNIT, MANAGER_NIP, null);
                calls.add(pool.submit(() -> as(nip, io.jeda.common.security.Role.OFFICER).checkIn(officeCheckIn(nip).build())));
            }
            for (Future<AttendanceEvent> f : calls) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String after = scrape();

        String batches = "jeda_attendance_group_commit_batch_size_sum";
        assertEquals(8, Prometheus.sample(after, batches) - Prometheus.sample(before, batches), 0.0, after);
        assertTrue(Prometheus.sample(after, "jeda_attendance_group_commit_batch_size_count")
                > Prometheus.sample(before, "jeda_attendance_group_commit_batch_size_count"), after);
        assertEquals(4096, Prometheus.sample(after, "jeda_attendance_group_commit_queue_capacity"), 0.0, after);
        for (String series : List.of("jeda_attendance_group_commit_queue_depth",
                "jeda_attendance_group_commit_deadlocks_total", "jeda_attendance_group_commit_fallbacks_total",
                "jeda_attendance_group_commit_refused_total", "hikaricp_connections_active",
                "jeda_tls_certificate_expiry_seconds")) {
            assertTrue(Prometheus.has(after, series), series + " missing in\n" + after);
        }
        String count = "jeda_grpc_server_requests_seconds_count";
        String[] method = {"method=\"jeda.attendance.v1.AttendanceService/CheckIn\"", "status=\"OK\""};
        assertEquals(8, Prometheus.sample(after, count, method) - Prometheus.sample(before, count, method), 0.0, after);
    }

    @Test
    void everySeriesTheAlertsAndTheDashboardUseIsExported() throws Exception {
        groupCommitBatchesAndCheckInLatency();
        Prometheus.assertExportsListedSeries("attendance-service", scrape());
    }

    @Test
    void reconciliationBacklogCountsCheckInsAcceptedWhilePolicyServiceFails() {
        String backlog = "jeda_attendance_reconciliation_backlog";
        assertEquals(0, Prometheus.sample(scrape(), backlog), 0.0);
        POLICY.behave(FakePolicyService.Behaviour.FAIL);
        AttendanceEvent in = officer().checkIn(officeCheckIn(NIP).build());
        assertTrue(in.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));
        assertEquals(1, Prometheus.sample(scrape(), backlog), 0.0);
    }
}
