package io.jeda.policy;

import io.grpc.Status;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.ImportOfficersRequest;
import io.jeda.policy.v1.ImportOfficersResponse;
import io.jeda.policy.v1.ImportProblem;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.testing.GrpcAssertions;
import io.jeda.testing.TestDatabase;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Officers from a spreadsheet's CSV: a dry run reports every bad row, an apply is all or nothing. */
class OfficerImportTest extends UnitApiTestBase {

    private static final String HEADER = "\uFEFFnip,display_name,unit,position,manager,domicile_latitude,"
            + "domicile_longitude,domicile_radius_meters\r\n";

    /** A file of 50,000 officers is about 2.7 MB: above the default message limit of 1 MiB. */
    @Override
    public java.util.Map<String, String> getProperties() {
        java.util.Map<String, String> p = new java.util.HashMap<>(super.getProperties());
        p.put("grpc.server.max-inbound-message-size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    @BeforeEach
    void reference() {
        UnitFixtures.unit(channel, "kota-a", "Asia/Makassar");
        UnitFixtures.unit(channel, "kota-b", "Asia/Jakarta");
        UnitFixtures.position(channel, "analis");
        UnitFixtures.officer(channel, "198501012010011001", "kota-a", null);
    }

    private OfficerServiceGrpc.OfficerServiceBlockingStub admin() {
        return OfficerServiceGrpc.newBlockingStub(channel).withCallCredentials(
                Tokens.asScoped("admin-a", "kota-a", Role.ADMIN));
    }

    private int officers() {
        return UnitFixtures.officers(channel, "national", Role.ADMIN).listOfficers(ListOfficersRequest.newBuilder()
                .setPageSize(500).build()).getOfficersCount();
    }

    @Test
    void aDryRunReportsEveryBadRowWithItsLineAndReasonAndStoresNothing() {
        String csv = HEADER
                + "199001152015032004,\"Siti Rahmawati, S.Kom.\",kota-a,analis,,,,\r\n"     // line 2: good (quoted comma)
                + "199013152015032004,Budi,kota-a,analis,,,,\r\n"                            // 3: month 13
                + "199001152015032004,Siti lagi,kota-a,analis,,,,\r\n"                      // 4: duplicate of line 2
                + "198501012010011001,Sudah Ada,kota-a,analis,,,,\r\n"                      // 5: exists
                + "199102022016012003,Dewi Ayu Lestari,kota-z,analis,,,,\r\n"                // 6: unknown unit
                + "199203032017011005,Ketut,kota-b,analis,,,,\r\n"                          // 7: outside the scope
                + "199304042018012006,Made,kota-a,analis,199912312020121009,,,\r\n"         // 8: unknown manager
                + "199405052019032007,Ni Luh Putu,units/kota-a,positions/analis,officers/199001152015032004,-8.65,115.2,x\r\n"; // 9: radius
        ImportOfficersResponse r = admin().importOfficers(ImportOfficersRequest.newBuilder().setCsv(csv)
                .setValidateOnly(true).build());
        assertEquals(8, r.getRows());
        assertEquals(0, r.getImported());
        assertEquals(List.of("3 nip INVALID_NIP", "4 nip DUPLICATE_NIP", "5 nip OFFICER_EXISTS", "6 unit UNKNOWN_UNIT",
                        "7 unit OUTSIDE_ADMIN_SCOPE", "8 manager UNKNOWN_MANAGER", "9 domicile_radius_meters INVALID_NUMBER",
                        "9 domicile_latitude MISSING_VALUE"),
                r.getProblemsList().stream().map(p -> p.getLine() + " " + p.getField() + " " + p.getReason()).toList());
        assertTrue(r.getProblems(0).getMessage().contains("BIRTH_DATE"), r.getProblems(0).getMessage());
        assertEquals(1, officers());
        // Applying the same file stores nothing and names every bad row.
        GrpcAssertions.Failure f = assertFails(Status.Code.FAILED_PRECONDITION, "IMPORT_HAS_ERRORS",
                () -> admin().importOfficers(ImportOfficersRequest.newBuilder().setCsv(csv).build()));
        assertEquals(8, GrpcErrors.violationTypes(f.exception()).size());
        assertEquals(1, officers());
    }

    @Test
    void aGoodFileIsStoredWholeWithManagersFromTheSameFile() {
        String csv = HEADER
                + "199001152015032004,\"Siti Rahmawati, S.Kom.\",kota-a,analis,,,,\r\n"
                + "199405052019032007,I Gusti Ayu Ngurah,kota-a,analis,199001152015032004,-8.65,115.2,100\r\n";
        ImportOfficersResponse r = admin().importOfficers(ImportOfficersRequest.newBuilder().setCsv(csv).build());
        assertEquals(2, r.getImported());
        assertEquals(3, officers());
        var siti = UnitFixtures.officers(channel, "national", Role.ADMIN).getOfficer(
                io.jeda.policy.v1.GetOfficerRequest.newBuilder().setName("officers/199001152015032004").build());
        assertEquals("Siti Rahmawati, S.Kom.", siti.getDisplayName());
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> OfficerServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.asScoped("hr", "kota-a", Role.HR))
                .importOfficers(ImportOfficersRequest.newBuilder().setCsv(csv).setValidateOnly(true).build()));
    }

    private static final String TWO_OFFICERS = HEADER
            + "199001152015032004,Siti Rahmawati,kota-a,analis,,,,\r\n"
            + "199405052019032007,Made,kota-a,analis,199001152015032004,,,\r\n";

    /** A connection of its own to policy-service's database, outside the service's pool. */
    private static Connection database() throws SQLException {
        Map<String, String> p = TestDatabase.properties("policy");
        return DriverManager.getConnection(p.get("datasources.default.url"), p.get("datasources.default.username"),
                p.get("datasources.default.password"));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final String IMPORT_ROWS = "SELECT COUNT(*) FROM change_event WHERE resource = 'officers'";
    private static final String IMPORT_AUDIT = "SELECT COUNT(*) FROM admin_change WHERE action = 'ImportOfficers'";
    private static final String IMPORTED = "SELECT COUNT(*) FROM officer WHERE nip IN "
            + "('199001152015032004', '199405052019032007')";

    @Test
    void anImportWhoseChangeFeedRowCannotBeWrittenStoresNoOfficerAndNoAuditRow() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER outbox_refuses BEFORE INSERT ON change_event FOR EACH ROW "
                    + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the outbox refuses rows'");
            try {
                assertThrows(io.grpc.StatusRuntimeException.class, () -> admin().importOfficers(
                        ImportOfficersRequest.newBuilder().setCsv(TWO_OFFICERS).build()));
            } finally {
                s.execute("DROP TRIGGER outbox_refuses");
            }
            // No replica would hear of these officers, so none may exist.
            assertEquals(0, count(c, IMPORTED));
            assertEquals(0, count(c, IMPORT_AUDIT));
            assertEquals(0, count(c, IMPORT_ROWS));
        }
        assertEquals(1, officers());
    }

    @Test
    void anImportsOfficersBecomeVisibleOnlyInTheCommitOfItsOneChangeFeedRow() throws Exception {
        try (Connection locker = database(); Connection reader = database(); Statement lock = locker.createStatement()) {
            // The outbox is held, so the import stops at its change feed row.
            lock.execute("LOCK TABLES change_event WRITE");
            CompletableFuture<ImportOfficersResponse> running;
            try {
                running = CompletableFuture.supplyAsync(() -> admin().importOfficers(
                        ImportOfficersRequest.newBuilder().setCsv(TWO_OFFICERS).build()));
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (count(reader, "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE "
                        + "'INSERT%change_event%'") == 0) {
                    assertTrue(System.nanoTime() < end, "the import never reached its change feed row");
                    assertFalse(running.isDone(), "the import ended without writing its change feed row");
                    Thread.sleep(20);
                }
                // Its officers and audit row are stored but not committed: nobody else sees them yet.
                assertEquals(0, count(reader, IMPORTED));
                assertEquals(0, count(reader, IMPORT_AUDIT));
            } finally {
                lock.execute("UNLOCK TABLES");
            }
            assertEquals(2, running.get(10, TimeUnit.SECONDS).getImported());
            assertEquals(2, count(reader, IMPORTED));
            assertEquals(1, count(reader, IMPORT_AUDIT));
            assertEquals(1, count(reader, IMPORT_ROWS));
            // Officers may move anywhere: every replica drops everything.
            assertEquals(1, count(reader, IMPORT_ROWS + " AND scope = 'ALL'"));
        }
    }

    /** A bench, not a timed test: 50,000 officers in one file; the time is printed. */
    @Test
    void fiftyThousandOfficersInOneFile() {
        // NIPs must be unique: vary the appointment month and the sequence.
        StringBuilder unique = new StringBuilder(HEADER);
        int n = 0;
        for (int year = 2010; year <= 2019 && n < 50_000; year++) {
            for (int month = 1; month <= 12 && n < 50_000; month++) {
                for (int gender = 1; gender <= 2 && n < 50_000; gender++) {
                    for (int seq = 1; seq <= 999 && n < 50_000; seq++, n++) {
                        unique.append(String.format("19900115%d%02d%d%03d,Pegawai %d,kota-a,analis,,,,\r\n",
                                year, month, gender, seq, n));
                    }
                }
            }
        }
        long t0 = System.nanoTime();
        ImportOfficersResponse dry = admin().importOfficers(ImportOfficersRequest.newBuilder()
                .setCsv(unique.toString()).setValidateOnly(true).build());
        long t1 = System.nanoTime();
        assertEquals(List.of(), dry.getProblemsList().stream().limit(3).map(ImportProblem::getMessage).toList());
        ImportOfficersResponse applied = admin().importOfficers(ImportOfficersRequest.newBuilder()
                .setCsv(unique.toString()).build());
        long t2 = System.nanoTime();
        assertEquals(50_000, applied.getImported());
        System.out.printf("BENCH import 50,000 officers: dry run %d ms, apply %d ms%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
    }
}
