package io.jeda.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the national dataset, computed from the officer count alone, so that the generator
 * and the benchmarks that ask about generated officers agree without reading the database.
 * <p>
 * 38 provinces in the three time zones; each has a provincial secretariat (the root unit) and
 * {@code childrenPerProvince} agencies under it, two of which (a hospital and a 24/7 complaint desk)
 * serve the public around the clock. Officer {@code i} (0-based) belongs to a contiguous block of
 * indexes per unit, sized by the province's weight; the first officer of a block is the unit's head
 * and the manager of the others, and a child unit's head reports to the province's head.
 * <p>
 * NIPs grow with the index, so that every table keyed by NIP, by (unit, NIP) or by (manager, NIP)
 * is loaded in key order. The price: the officers of one unit share a narrow range of birth dates.
 */
final class NationalShape {

    /** A province: BPS code, name, time zone, capital's position, weight (share of officers). */
    record Province(String code, String name, String zone, double lat, double lon, double weight) {
    }

    /** A kind of child unit in every province. */
    record UnitKind(String suffix, String name, boolean servesPublic, boolean roundTheClock, double weight,
                    String[] positions) {
    }

    /** A unit of the generated dataset and its block of officer indexes [first, end). */
    record GenUnit(int index, String id, String name, String parentId, Province province, UnitKind kind,
                   double lat, double lon, long first, long end, int provinceHeadUnit) {
    }

    /** A position and its FWA eligibility. */
    record GenPosition(String id, String name, boolean eligible, String places, int maxRemote, String flexi,
                       int dailyMinutes) {
    }

    static final List<Province> PROVINCES = List.of(
            p("11", "Aceh", "Asia/Jakarta", 5.5483, 95.3238, 5.5),
            p("12", "Sumatera Utara", "Asia/Jakarta", 3.5952, 98.6722, 15.0),
            p("13", "Sumatera Barat", "Asia/Jakarta", -0.9471, 100.4172, 5.8),
            p("14", "Riau", "Asia/Jakarta", 0.5071, 101.4478, 6.8),
            p("15", "Jambi", "Asia/Jakarta", -1.6101, 103.6131, 3.7),
            p("16", "Sumatera Selatan", "Asia/Jakarta", -2.9761, 104.7754, 8.8),
            p("17", "Bengkulu", "Asia/Jakarta", -3.8004, 102.2655, 2.1),
            p("18", "Lampung", "Asia/Jakarta", -5.4292, 105.2610, 9.3),
            p("19", "Kepulauan Bangka Belitung", "Asia/Jakarta", -2.1316, 106.1169, 1.5),
            p("21", "Kepulauan Riau", "Asia/Jakarta", 0.9186, 104.4665, 2.2),
            p("31", "DKI Jakarta", "Asia/Jakarta", -6.1805, 106.8284, 10.7),
            p("32", "Jawa Barat", "Asia/Jakarta", -6.9024, 107.6188, 50.0),
            p("33", "Jawa Tengah", "Asia/Jakarta", -6.9932, 110.4203, 37.5),
            p("34", "DI Yogyakarta", "Asia/Jakarta", -7.8014, 110.3648, 3.7),
            p("35", "Jawa Timur", "Asia/Jakarta", -7.2459, 112.7378, 41.5),
            p("36", "Banten", "Asia/Jakarta", -6.1200, 106.1503, 12.4),
            p("51", "Bali", "Asia/Makassar", -8.6705, 115.2126, 4.4),
            p("52", "Nusa Tenggara Barat", "Asia/Makassar", -8.5833, 116.1167, 5.6),
            p("53", "Nusa Tenggara Timur", "Asia/Makassar", -10.1772, 123.6070, 5.6),
            p("61", "Kalimantan Barat", "Asia/Jakarta", -0.0263, 109.3425, 5.6),
            p("62", "Kalimantan Tengah", "Asia/Jakarta", -2.2161, 113.9135, 2.8),
            p("63", "Kalimantan Selatan", "Asia/Makassar", -3.4425, 114.8310, 4.2),
            p("64", "Kalimantan Timur", "Asia/Makassar", -0.5022, 117.1536, 3.9),
            p("65", "Kalimantan Utara", "Asia/Makassar", 2.8375, 117.3653, 0.7),
            p("71", "Sulawesi Utara", "Asia/Makassar", 1.4748, 124.8421, 2.7),
            p("72", "Sulawesi Tengah", "Asia/Makassar", -0.8917, 119.8707, 3.1),
            p("73", "Sulawesi Selatan", "Asia/Makassar", -5.1477, 119.4327, 9.4),
            p("74", "Sulawesi Tenggara", "Asia/Makassar", -3.9985, 122.5129, 2.8),
            p("75", "Gorontalo", "Asia/Makassar", 0.5435, 123.0568, 1.2),
            p("76", "Sulawesi Barat", "Asia/Makassar", -2.6749, 118.8885, 1.5),
            p("81", "Maluku", "Asia/Jayapura", -3.6954, 128.1814, 1.9),
            p("82", "Maluku Utara", "Asia/Jayapura", 0.7381, 127.5634, 1.3),
            p("91", "Papua Barat", "Asia/Jayapura", -0.8615, 134.0620, 0.6),
            p("92", "Papua Barat Daya", "Asia/Jayapura", -0.8762, 131.2558, 0.6),
            p("94", "Papua", "Asia/Jayapura", -2.5337, 140.7181, 1.0),
            p("95", "Papua Selatan", "Asia/Jayapura", -8.4932, 140.4018, 0.5),
            p("96", "Papua Tengah", "Asia/Jayapura", -3.3670, 135.4960, 1.4),
            p("97", "Papua Pegunungan", "Asia/Jayapura", -4.0962, 138.9442, 1.5));

    static final List<GenPosition> POSITIONS = List.of(
            new GenPosition("kepala-unit", "Kepala Unit Kerja", false, "OFFICE", 0, "FIXED", 450),
            new GenPosition("analis-kebijakan", "Analis Kebijakan", true, "OFFICE,HOME", 2, "WINDOW", 450),
            new GenPosition("pranata-komputer", "Pranata Komputer", true, "OFFICE,HOME,OTHER_OFFICE", 2, "DYNAMIC", 450),
            new GenPosition("arsiparis", "Arsiparis", true, "OFFICE,HOME", 1, "WINDOW", 450),
            new GenPosition("pengelola-keuangan", "Pengelola Keuangan", true, "OFFICE,HOME", 1, "WINDOW", 450),
            new GenPosition("auditor", "Auditor", true, "OFFICE,HOME,OTHER", 2, "DYNAMIC", 450),
            new GenPosition("penyuluh", "Penyuluh Lapangan", true, "OFFICE,OTHER", 2, "DYNAMIC", 450),
            new GenPosition("guru", "Guru", false, "OFFICE", 0, "FIXED", 450),
            new GenPosition("pengadministrasi", "Pengadministrasi Umum", false, "OFFICE", 0, "FIXED", 450),
            new GenPosition("perawat", "Perawat", true, "OFFICE", 0, "SHIFT", 480),
            new GenPosition("dokter", "Dokter", true, "OFFICE", 0, "SHIFT", 480),
            new GenPosition("petugas-pengaduan", "Petugas Layanan Pengaduan", true, "OFFICE", 0, "SHIFT", 480));

    /** The province's own secretariat (index 0) and the agencies under it. */
    static final List<UnitKind> KINDS = List.of(
            kind("setda", "Sekretariat Daerah", false, false, 1.0, "analis-kebijakan", "arsiparis", "pengelola-keuangan", "pengadministrasi"),
            kind("disdik", "Dinas Pendidikan", false, false, 6.0, "guru", "guru", "guru", "pengadministrasi", "analis-kebijakan"),
            kind("rsud", "Rumah Sakit Umum Daerah", true, true, 2.5, "perawat", "dokter", "perawat", "pengadministrasi"),
            kind("pengaduan", "Layanan Pengaduan dan Panggilan Darurat 112", true, true, 0.3, "petugas-pengaduan", "petugas-pengaduan", "pranata-komputer"),
            kind("dinkes", "Dinas Kesehatan", true, false, 1.5, "penyuluh", "analis-kebijakan", "pengadministrasi"),
            kind("diskominfo", "Dinas Komunikasi dan Informatika", false, false, 0.5, "pranata-komputer", "analis-kebijakan", "arsiparis"),
            kind("bkd", "Badan Kepegawaian Daerah", false, false, 0.5, "analis-kebijakan", "arsiparis", "pengadministrasi"),
            kind("bappeda", "Badan Perencanaan Pembangunan Daerah", false, false, 0.5, "analis-kebijakan", "auditor", "pranata-komputer"),
            kind("bpkad", "Badan Pengelola Keuangan dan Aset Daerah", false, false, 0.6, "pengelola-keuangan", "auditor", "arsiparis"),
            kind("inspektorat", "Inspektorat Daerah", false, false, 0.4, "auditor", "auditor", "pengadministrasi"),
            kind("distan", "Dinas Pertanian", false, false, 1.0, "penyuluh", "penyuluh", "pengadministrasi"),
            kind("dishub", "Dinas Perhubungan", true, false, 0.7, "pengadministrasi", "penyuluh", "pranata-komputer"),
            kind("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", true, false, 0.6, "pranata-komputer", "pengadministrasi", "arsiparis"),
            kind("dinsos", "Dinas Sosial", true, false, 0.6, "penyuluh", "pengadministrasi", "analis-kebijakan"),
            kind("dpmptsp", "Dinas Penanaman Modal dan PTSP", true, false, 0.4, "pengadministrasi", "analis-kebijakan", "pranata-komputer"),
            kind("satpolpp", "Satuan Polisi Pamong Praja", true, false, 0.8, "pengadministrasi", "pengadministrasi", "arsiparis"));

    /** NIP layout: sequences per (birth date, appointment month, gender), and appointment slots. */
    static final int SEQUENCES = 100;
    static final int APPOINTMENT_SLOTS = 16;
    static final LocalDate FIRST_BIRTH = LocalDate.of(1966, 1, 1);
    static final LocalDate LAST_BIRTH = LocalDate.of(1996, 6, 30);
    /** The appointment month of the newest officers (still in probation for a year). */
    static final YearMonth RECENT_INTAKE = YearMonth.of(2026, 2);

    final long officers;
    final List<GenUnit> units;
    private final long[] firsts;
    private final long birthStepDays;

    NationalShape(long officers, int childrenPerProvince) {
        if (childrenPerProvince < 0 || childrenPerProvince >= KINDS.size()) {
            throw new IllegalArgumentException("--units-per-province must be 1 to " + KINDS.size());
        }
        int perProvince = childrenPerProvince + 1;
        int count = PROVINCES.size() * perProvince;
        if (officers < count * 5L) {
            throw new IllegalArgumentException("--officers must be at least " + count * 5L + " for " + count
                    + " units (or lower --units-per-province)");
        }
        this.officers = officers;
        double total = 0;
        for (Province p : PROVINCES) {
            for (int k = 0; k < perProvince; k++) {
                total += p.weight() * KINDS.get(k).weight();
            }
        }
        List<GenUnit> list = new ArrayList<>(count);
        firsts = new long[count];
        double cum = 0;
        // Each unit gets at least 4 officers; the rest by weight.
        long spare = officers - count * 4L;
        for (int pi = 0; pi < PROVINCES.size(); pi++) {
            Province p = PROVINCES.get(pi);
            int headUnit = list.size();
            for (int k = 0; k < perProvince; k++) {
                UnitKind kind = KINDS.get(k);
                int idx = list.size();
                long first = idx * 4L + (long) Math.floor(spare * cum / total);
                cum += p.weight() * kind.weight();
                long end = idx + 1 == count ? officers : (idx + 1) * 4L + (long) Math.floor(spare * cum / total);
                String id = "p" + p.code() + "-" + String.format("%02d", k) + "-" + kind.suffix();
                String parent = k == 0 ? null : list.get(headUnit).id();
                // Each agency sits a few hundred metres to a few kilometres from the capital's centre.
                double lat = p.lat() + (k == 0 ? 0 : 0.004 * ((k * 7) % 11 - 5));
                double lon = p.lon() + (k == 0 ? 0 : 0.004 * ((k * 5) % 9 - 4));
                String name = kind.name() + " Provinsi " + p.name();
                list.add(new GenUnit(idx, id, name, parent, p, kind, lat, lon, first, end, headUnit));
                firsts[idx] = first;
            }
        }
        this.units = List.copyOf(list);
        long perBirthDate = (long) SEQUENCES * 2 * APPOINTMENT_SLOTS;
        long birthDates = (officers + perBirthDate - 1) / perBirthDate;
        long range = LAST_BIRTH.toEpochDay() - FIRST_BIRTH.toEpochDay();
        if (birthDates > range) {
            throw new IllegalArgumentException("at most " + range * perBirthDate + " officers");
        }
        this.birthStepDays = Math.max(1, range / Math.max(1, birthDates));
    }

    /** The unit officer {@code i} belongs to. */
    GenUnit unitOf(long i) {
        int lo = 0;
        int hi = firsts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firsts[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return units.get(lo);
    }

    boolean isHead(long i) {
        return unitOf(i).first() == i;
    }

    /** The NIP of officer i (valid by the DESIGN rule; strictly increasing with i). */
    String nip(long i) {
        int seq = (int) (i % SEQUENCES) + 1;
        int gender = (int) (i / SEQUENCES % 2) + 1;
        int slot = (int) (i / (SEQUENCES * 2L) % APPOINTMENT_SLOTS);
        long b = i / ((long) SEQUENCES * 2 * APPOINTMENT_SLOTS);
        LocalDate birth = FIRST_BIRTH.plusDays(b * birthStepDays);
        YearMonth appointment = appointment(birth, slot);
        char[] out = new char[18];
        put(out, 0, birth.getYear(), 4);
        put(out, 4, birth.getMonthValue(), 2);
        put(out, 6, birth.getDayOfMonth(), 2);
        put(out, 8, appointment.getYear(), 4);
        put(out, 12, appointment.getMonthValue(), 2);
        out[14] = (char) ('0' + gender);
        put(out, 15, seq, 3);
        return new String(out);
    }

    /** Slots 0-14: 6 + 9*slot months after the 18th birthday; slot 15: the recent intake. */
    static YearMonth appointment(LocalDate birth, int slot) {
        if (slot == APPOINTMENT_SLOTS - 1) {
            return RECENT_INTAKE;
        }
        return YearMonth.from(birth.plusYears(18)).plusMonths(6 + 9L * slot);
    }

    /** Whether officer i was appointed in the recent intake (a CPNS in probation, not FWA eligible). */
    static boolean inProbation(long i) {
        return (int) (i / (SEQUENCES * 2L) % APPOINTMENT_SLOTS) == APPOINTMENT_SLOTS - 1;
    }

    /** One in 200 officers is under a disciplinary penalty (not FWA eligible). */
    static boolean underPenalty(long i) {
        return mix(i) % 200 == 7;
    }

    /** A third of the officers (every third, not heads, not in probation or under penalty) has a plan. */
    boolean hasPlan(long i) {
        return i % 3 == 0 && !isHead(i) && !inProbation(i) && !underPenalty(i);
    }

    /** The position of officer i: the head's, or one of the unit kind's (an eligible one for plan holders). */
    GenPosition positionOf(long i) {
        GenUnit u = unitOf(i);
        if (u.first() == i) {
            return POSITIONS.get(0);
        }
        String[] options = u.kind().positions();
        if (i % 3 == 0) {
            List<String> eligible = new ArrayList<>();
            for (String o : options) {
                if (position(o).eligible()) {
                    eligible.add(o);
                }
            }
            if (!eligible.isEmpty()) {
                return position(eligible.get((int) (mix(i) % eligible.size())));
            }
        }
        return position(options[(int) (mix(i) % options.length)]);
    }

    /** Manager of officer i: the unit head; a child unit's head reports to the province's head; none above. */
    String managerOf(long i) {
        GenUnit u = unitOf(i);
        if (u.first() != i) {
            return nip(u.first());
        }
        if (u.provinceHeadUnit() != u.index()) {
            return nip(units.get(u.provinceHeadUnit()).first());
        }
        return null;
    }

    static GenPosition position(String id) {
        for (GenPosition p : POSITIONS) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** A well-spread 64-bit hash of i (SplitMix64's finaliser), non-negative. */
    static long mix(long i) {
        long z = i + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            out[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static Province p(String code, String name, String zone, double lat, double lon, double weight) {
        return new Province(code, name, zone, lat, lon, weight);
    }

    private static UnitKind kind(String suffix, String name, boolean servesPublic, boolean roundTheClock, double weight,
                                 String... positions) {
        return new UnitKind(suffix, name, servesPublic, roundTheClock, weight, positions);
    }
}
