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
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
