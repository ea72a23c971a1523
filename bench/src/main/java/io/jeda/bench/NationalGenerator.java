package io.jeda.bench;

import org.flywaydb.core.Flyway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills the databases of policy-service and attendance-service with a national dataset (see
 * {@link NationalShape}): units, offices with geofences, positions, officers with valid NIPs and
 * their managers, approved plans for a third of them, holidays, a Ramadan period, 24/7 rosters and
 * some check-in history.
 * <p>
 * The schemas are made by the services' own Flyway migrations (copied into this jar at build time),
 * so that the services start on the databases afterwards as on their own. Rows go in as multi-row
 * INSERTs (Connector/J's rewriteBatchedStatements) in key order, committed every few thousand rows;
 * unique and foreign key checks are off for the loading sessions only, which is safe because every
 * key is made unique by construction and the schemas have no foreign keys. Nothing is held in memory
 * beyond one batch per table.
 *
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar generate --officers 1000000 --fresh \
 *     --jdbc jdbc:mysql://127.0.0.1:3306 --policy-db jeda_nat_policy --attendance-db jeda_nat_attendance
 * </pre>
 */
final class NationalGenerator {

    private static final LocalTime DEFAULT_START = LocalTime.of(7, 30);
    private static final String[] FIRST = {"Agus", "Dewi", "Rudi", "Nur", "Yusuf", "Rina", "Fajar", "Wulan", "Andi",
        "Maya", "Irfan", "Lina", "Taufik", "Sri", "Bayu", "Ratna", "Hadi", "Fitri", "Eko", "Yuni", "Arif", "Desi",
        "Putri", "Rizky", "Indah", "Dimas", "Nadia", "Ilham", "Sari", "Gilang", "Citra", "Hendro", "Mega", "Reza",
        "Tika", "Yohanes", "Maria", "Daniel", "Paulus", "Made", "Ketut", "Wayan", "Nyoman", "Baso", "Siti", "Budi"};
    private static final String[] LAST = {"Salim", "Lestari", "Hartono", "Aini", "Maulana", "Marlina", "Nugroho",
        "Sari", "Pratama", "Puspita", "Hakim", "Kartika", "Hidayat", "Wahyuni", "Saputra", "Dewi", "Susanto",
        "Handayani", "Prasetyo", "Astuti", "Rahman", "Ratnasari", "Ayu", "Firmansyah", "Permata", "Anggara",
        "Safitri", "Akbar", "Ramadhan", "Kirana", "Wibowo", "Utami", "Pahlevi", "Wenda", "Kogoya", "Rumbiak",
        "Waromi", "Daeng", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Tanjung", "Manurung"};

    /** Rows and time of one table's load. */
    static final class Tally {
        final String table;
        long rows;
        long nanos;

        Tally(String table) {
            this.table = table;
        }
    }

    private final NationalShape shape;
    private final String base;
    private final String user;
    private final String password;
    private final String policyDb;
    private final String attendanceDb;
    private final int batch;
    private final int historyEvery;
    private final int historyDays;
    private final int eventDays;
    private final boolean eventsOnly;
    private final Instant stopLoadingAt;
    private final Instant now = Instant.now();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private final LocalDate planStart = today.withDayOfMonth(1);
    private final LocalDate planEnd = planStart.plusMonths(6).minusDays(1);
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    private NationalGenerator(Map<String, String> opt) {
        long officers = Long.parseLong(opt.getOrDefault("officers", "4500000"));
        this.shape = new NationalShape(officers, Bench.intOpt(opt, "units-per-province", 15));
        String jdbc = opt.getOrDefault("jdbc", "jdbc:mysql://127.0.0.1:3306");
        String b = jdbc.endsWith("/") ? jdbc.substring(0, jdbc.length() - 1) : jdbc;
        this.base = b.contains("?") ? b.substring(0, b.indexOf('?')) : b;
        this.user = opt.getOrDefault("db-user", "root");
        this.password = opt.getOrDefault("db-password", "");
        this.policyDb = opt.getOrDefault("policy-db", "jeda_nat_policy");
        this.attendanceDb = opt.getOrDefault("attendance-db", "jeda_nat_attendance");
        this.batch = Bench.intOpt(opt, "batch", 2000);
        // --event-days N: N working days of check-ins and check-outs of every officer (unless
        // --history-every says otherwise), the way to fill a large events table.
        this.eventDays = Bench.intOpt(opt, "event-days", 0);
        this.historyEvery = Bench.intOpt(opt, "history-every", eventDays > 0 ? 1 : 10);
        this.historyDays = eventDays > 0 ? eventDays : Bench.intOpt(opt, "history-days", 5);
        this.eventsOnly = opt.containsKey("events-only");
        // --stop-loading-at 2026-12-03T20:00:00Z: no further blocks of officers are loaded after that
        // instant (the indexes are built over what loaded); --events-only.
        this.stopLoadingAt = opt.containsKey("stop-loading-at") ? Instant.parse(opt.get("stop-loading-at")) : null;
    }

    static void run(Map<String, String> opt) throws Exception {
        new NationalGenerator(opt).generate(opt.containsKey("fresh"), Bench.intOpt(opt, "threads", 3));
    }

    private void generate(boolean fresh, int threads) throws Exception {
        long t0 = System.nanoTime();
        for (String db : eventsOnly ? List.of(attendanceDb) : List.of(policyDb, attendanceDb)) {
            try (Connection c = DriverManager.getConnection(base + "/?useSSL=false&allowPublicKeyRetrieval=true",
                    user, password); Statement s = c.createStatement()) {
                if (fresh) {
                    s.execute("DROP DATABASE IF EXISTS `" + db + "`");
                }
                s.execute("CREATE DATABASE IF NOT EXISTS `" + db + "`");
            }
        }
        if (eventsOnly) {
            migrate(attendanceDb, "classpath:db/jeda-attendance", "classpath:db/jeda-attendance-mysql");
            System.out.printf("generating %,d working days of check-ins of %,d officers into %s (%d threads)%n",
                    historyDays, shape.officers / historyEvery, attendanceDb, threads);
            try (Connection c = connect(attendanceDb)) {
                partitionMonths(c, historyStart());
            }
            bulkLoadHistory(threads);
            report(t0);
            return;
        }
        migrate(policyDb, "classpath:db/jeda-policy");
        migrate(attendanceDb, "classpath:db/jeda-attendance", "classpath:db/jeda-attendance-mysql");
        try (Connection c = connect(policyDb); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM unit")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException(policyDb + " already holds units: add --fresh to drop and refill it");
            }
        }
        System.out.printf("generating %,d officers in %d units of %d provinces into %s and %s (%d threads)%n",
                shape.officers, shape.units.size(), NationalShape.PROVINCES.size(), policyDb, attendanceDb, threads);
        try (Connection c = connect(policyDb)) {
            loadReference(c);
        }
        try (Connection c = connect(attendanceDb)) {
            partitionMonths(c, historyStart());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            jobs.add(pool.submit(() -> withConnection(policyDb, this::loadOfficers)));
            jobs.add(pool.submit(() -> withConnection(policyDb, this::loadPlans)));
            for (int k = 0; k < Math.max(1, threads - 2); k++) {
                int part = k;
                int parts = Math.max(1, threads - 2);
                jobs.add(pool.submit(() -> withConnection(attendanceDb, c -> loadHistory(c, part, parts))));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        report(t0);
    }

    /** The first day of the check-in history. */
    private LocalDate historyStart() throws Exception {
        return historyDaysList().get(0);
    }

    /**
     * Splits the first monthly partition of the (still empty) events table so that every month of
     * the history has its own, as the service's partition job would have made them over time.
     */
    private void partitionMonths(Connection c, LocalDate from) throws SQLException {
        String first = null;
        LocalDate bound = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT PARTITION_NAME,"
                + " PARTITION_DESCRIPTION FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'attendance_event' AND PARTITION_NAME IS NOT NULL ORDER BY PARTITION_ORDINAL_POSITION")) {
            if (rs.next() && !"MAXVALUE".equals(rs.getString(2))) {
                first = rs.getString(1);
                bound = LocalDate.parse(rs.getString(2).replace("'", "").substring(0, 10));
            }
        }
        if (first == null) {
            return;
        }
        List<String> defs = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); m.plusMonths(1).isBefore(bound); m = m.plusMonths(1)) {
            defs.add("PARTITION p" + m.toString().substring(0, 7).replace("-", "") + " VALUES LESS THAN ('"
                    + m.plusMonths(1) + "')");
        }
        if (defs.isEmpty()) {
            return;
        }
        defs.add("PARTITION " + first + " VALUES LESS THAN ('" + bound + "')");
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE attendance_event REORGANIZE PARTITION " + first + " INTO (" + String.join(", ", defs) + ")");
        }
        c.commit();
    }

    /** Makes one {@link EventMaker} per loading thread. */
    interface EventMakerFactory {
        EventMaker maker() throws Exception;
    }

    /** Only the check-in history (--events-only): LOAD DATA with the secondary indexes built afterwards. */
    private void bulkLoadHistory(int threads) throws Exception {
        new EventBulkLoad(() -> connect(attendanceDb), EventMaker::new, historyDaysList(), shape.officers,
                historyEvery, threads, tallies, stopLoadingAt).run();
    }

    private void report(long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        System.out.println();
        System.out.println("RESULT (rows per second of each table while it loaded; tables load in parallel)");
        for (Tally t : tallies.values()) {
            total += t.rows;
            System.out.printf("  %-18s %,12d rows  %8.1f s  %,10.0f rows/s%n", t.table, t.rows, t.nanos / 1e9,
                    t.nanos == 0 ? 0 : t.rows / (t.nanos / 1e9));
        }
        System.out.printf("  %-18s %,12d rows  %8.1f s  %,10.0f rows/s (wall clock, migrations included)%n",
                "all", total, seconds, total / seconds);
    }

    private void migrate(String db, String... locations) {
        Flyway.configure().dataSource(base + "/" + db + "?useSSL=false&allowPublicKeyRetrieval=true", user, password)
                .locations(locations).load().migrate();
    }

    interface Job {
        void run(Connection c) throws Exception;
    }

    private Void withConnection(String db, Job job) throws Exception {
        try (Connection c = connect(db)) {
            job.run(c);
        }
        return null;
    }

    private Connection connect(String db) throws SQLException {
        Connection c = DriverManager.getConnection(base + "/" + db + "?useSSL=false&allowPublicKeyRetrieval=true"
                + "&rewriteBatchedStatements=true&useServerPrepStmts=false&allowLoadLocalInfile=true", user, password);
        try (Statement s = c.createStatement()) {
            // Safe while loading: every key is unique by construction and the schemas have no foreign keys.
            s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
        }
        c.setAutoCommit(false);
        return c;
    }

    /** A batched INSERT of one table, committed every few batches, that counts its rows and time. */
    private final class Inserter implements AutoCloseable {
        final Connection c;
        final PreparedStatement ps;
        final Tally tally;
        final long start = System.nanoTime();
        int pending;
        long rows;

        Inserter(Connection c, String table, String columns) throws SQLException {
            this.c = c;
            int n = columns.split(",").length;
            this.ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                    + "?,".repeat(n - 1) + "?)");
            synchronized (tallies) {
                this.tally = tallies.computeIfAbsent(table, Tally::new);
            }
        }

        PreparedStatement row() {
            return ps;
        }

        void add() throws SQLException {
            ps.addBatch();
            rows++;
            if (++pending % batch == 0) {
                ps.executeBatch();
                if (pending >= batch * 10) {
                    c.commit();
                    pending = 0;
                }
            }
        }

        @Override
        public void close() throws SQLException {
            ps.executeBatch();
            c.commit();
            ps.close();
            // Several loaders may fill one table at once: its time is the longest of theirs.
            synchronized (tally) {
                tally.rows += rows;
                tally.nanos = Math.max(tally.nanos, System.nanoTime() - start);
            }
        }
    }

    private void loadReference(Connection c) throws SQLException {
        LocalDateTime at = utc(now);
        try (Inserter in = new Inserter(c, "unit", "id,display_name,parent_id,time_zone,day_close_time,serves_public,"
                + "created_at,updated_at")) {
            for (NationalShape.GenUnit u : shape.units) {
                PreparedStatement ps = in.row();
                ps.setString(1, u.id());
                ps.setString(2, u.name());
                ps.setString(3, u.parentId());
                ps.setString(4, u.province().zone());
                ps.setObject(5, LocalTime.of(23, 59));
                ps.setBoolean(6, u.kind().servesPublic());
                ps.setObject(7, at);
                ps.setObject(8, at);
                in.add();
            }
        }
        try (Inserter in = new Inserter(c, "office", "unit_id,code,display_name,latitude,longitude,radius_meters")) {
            for (NationalShape.GenUnit u : shape.units) {
                PreparedStatement ps = in.row();
                ps.setString(1, u.id());
                ps.setString(2, "kantor-utama");
                ps.setString(3, "Kantor " + u.name());
                ps.setDouble(4, u.lat());
                ps.setDouble(5, u.lon());
                ps.setInt(6, u.kind().roundTheClock() ? 300 : 150);
                in.add();
            }
        }
        try (Inserter in = new Inserter(c, "job_position", "id,display_name,fwa_eligible,allowed_places,"
                + "max_remote_days_per_week,flexi_time,default_start,start_window_begin,start_window_end,"
                + "weekly_work_minutes,daily_work_minutes,break_minutes,friday_break_minutes,core_start,core_end,"
                + "created_at,updated_at")) {
            for (NationalShape.GenPosition p : NationalShape.POSITIONS) {
                PreparedStatement ps = in.row();
                ps.setString(1, p.id());
                ps.setString(2, p.name());
                ps.setBoolean(3, p.eligible());
                ps.setString(4, p.places());
                ps.setInt(5, p.maxRemote());
                ps.setString(6, p.flexi());
                ps.setObject(7, DEFAULT_START);
                ps.setObject(8, LocalTime.of(7, 0));
                ps.setObject(9, LocalTime.of(9, 0));
                ps.setInt(10, 2250);
                ps.setInt(11, p.dailyMinutes());
                ps.setInt(12, 60);
                ps.setInt(13, 90);
                ps.setObject(14, LocalTime.of(9, 0));
                ps.setObject(15, LocalTime.of(15, 0));
                ps.setObject(16, at);
                ps.setObject(17, at);
                in.add();
            }
        }
        try (Inserter in = new Inserter(c, "calendar_day", "id,on_date,kind,description,unit_id,created_at")) {
            for (Holiday h : holidays()) {
                PreparedStatement ps = in.row();
                ps.setString(1, h.id());
                ps.setObject(2, h.date());
                ps.setString(3, h.kind());
                ps.setString(4, h.description());
                ps.setString(5, h.unit());
                ps.setObject(6, at);
                in.add();
            }
        }
        try (Inserter in = new Inserter(c, "ramadan_period", "id,start_date,end_date,weekly_work_minutes,start_time,"
                + "break_minutes,friday_break_minutes,created_at")) {
            PreparedStatement ps = in.row();
            ps.setString(1, "ramadan-2027");
            ps.setObject(2, LocalDate.of(2027, 2, 8));
            ps.setObject(3, LocalDate.of(2027, 3, 9));
            ps.setInt(4, 1950);
            ps.setObject(5, LocalTime.of(8, 0));
            ps.setInt(6, 30);
            ps.setInt(7, 60);
            ps.setObject(8, at);
            in.add();
        }
        loadRosters(c, at);
    }

    /** One roster per 24/7 unit: six shift officers in 8-hour turns, each backed by the next. */
    private void loadRosters(Connection c, LocalDateTime at) throws SQLException {
        try (Inserter rosters = new Inserter(c, "roster", "id,display_name,unit_id,turn_hours,start_time,"
                + "max_hours_per_week,created_at,updated_at");
             Inserter members = new Inserter(c, "roster_member", "roster_id,seq,officer_nip,backup_nip")) {
            for (NationalShape.GenUnit u : shape.units) {
                if (!u.kind().roundTheClock()) {
                    continue;
                }
                List<String> crew = new ArrayList<>();
                for (long i = u.first() + 1; i < u.end() && crew.size() < 6; i++) {
                    if ("SHIFT".equals(shape.positionOf(i).flexi())) {
                        crew.add(shape.nip(i));
                    }
                }
                if (crew.size() < 2) {
                    continue;
                }
                String id = "piket-" + u.id();
                LocalDate monday = planStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                PreparedStatement ps = rosters.row();
                ps.setString(1, id);
                ps.setString(2, "Piket 24/7 " + u.name());
                ps.setString(3, u.id());
                ps.setInt(4, 8);
                ps.setObject(5, utc(monday.atStartOfDay(ZoneId.of(u.province().zone())).toInstant()));
                ps.setInt(6, 56);
                ps.setObject(7, at);
                ps.setObject(8, at);
                rosters.add();
                for (int k = 0; k < crew.size(); k++) {
                    PreparedStatement m = members.row();
                    m.setString(1, id);
                    m.setInt(2, k);
                    m.setString(3, crew.get(k));
                    m.setString(4, crew.get((k + 1) % crew.size()));
                    members.add();
                }
            }
        }
    }

    private void loadOfficers(Connection c) throws SQLException {
        LocalDateTime at = utc(now);
        try (Inserter in = new Inserter(c, "officer", "nip,display_name,unit_id,position_id,manager_nip,"
                + "domicile_latitude,domicile_longitude,domicile_radius_meters,penalty_until,probation_until,"
                + "created_at,updated_at")) {
            for (long i = 0; i < shape.officers; i++) {
                NationalShape.GenUnit u = shape.unitOf(i);
                long h = NationalShape.mix(i);
                PreparedStatement ps = in.row();
                ps.setString(1, shape.nip(i));
                ps.setString(2, FIRST[(int) (h % FIRST.length)] + " " + LAST[(int) (h / 64 % LAST.length)]);
                ps.setString(3, u.id());
                ps.setString(4, shape.positionOf(i).id());
                String manager = shape.managerOf(i);
                if (manager == null) {
                    ps.setNull(5, Types.CHAR);
                } else {
                    ps.setString(5, manager);
                }
                double[] home = domicile(u, i);
                ps.setDouble(6, home[0]);
                ps.setDouble(7, home[1]);
                ps.setInt(8, 100);
                if (NationalShape.underPenalty(i)) {
                    ps.setObject(9, today.plusMonths(3 + h % 9));
                } else {
                    ps.setNull(9, Types.DATE);
                }
                if (NationalShape.inProbation(i)) {
                    ps.setObject(10, NationalShape.RECENT_INTAKE.plusYears(1).atDay(1));
                } else {
                    ps.setNull(10, Types.DATE);
                }
                ps.setObject(11, at);
                ps.setObject(12, at);
                in.add();
            }
        }
    }

    /** An approved plan (active this month and the next five) for every officer {@link NationalShape#hasPlan}. */
    private void loadPlans(Connection c) throws SQLException {
        LocalDateTime at = utc(now);
        try (Inserter plans = new Inserter(c, "fwa_plan", "id,officer_nip,start_date,end_date,days,state,note,"
                + "decision_reason,request_id,created_at,updated_at,version");
             Inserter transitions = new Inserter(c, "plan_transition", "plan_id,from_state,to_state,actor,"
                     + "occurred_at,reason")) {
            for (long i = 0; i < shape.officers; i += 3) {
                if (!shape.hasPlan(i)) {
                    continue;
                }
                String nip = shape.nip(i);
                String id = String.format("g%015d", i);
                PreparedStatement ps = plans.row();
                ps.setString(1, id);
                ps.setString(2, nip);
                ps.setObject(3, planStart);
                ps.setObject(4, planEnd);
                ps.setString(5, encode(planDays(shape, i)));
                ps.setString(6, "APPROVED");
                ps.setString(7, "Pola kerja fleksibel");
                ps.setString(8, "");
                ps.setNull(9, Types.VARCHAR);
                ps.setObject(10, at);
                ps.setObject(11, at);
                ps.setLong(12, 0);
                plans.add();
                String manager = "officers/" + shape.managerOf(i);
                String[][] steps = {{"DRAFT", "DRAFT", "officers/" + nip}, {"DRAFT", "SUBMITTED", "officers/" + nip},
                    {"SUBMITTED", "APPROVED", manager}};
                for (String[] s : steps) {
                    PreparedStatement t = transitions.row();
                    t.setString(1, id);
                    t.setString(2, s[0]);
                    t.setString(3, s[1]);
                    t.setString(4, s[2]);
                    t.setObject(5, at);
                    t.setString(6, "");
                    transitions.add();
                }
            }
        }
    }

    /** A plan day: where and from when. */
    record Day(String place, LocalTime start) {
    }

    /**
     * The weekly pattern of officer i's plan, indexed Monday=0: shift workers five days of seven at
     * 07:00 or 15:00 (rest days rotate); others Monday to Friday with up to the position's remote days.
     */
    static Day[] planDays(NationalShape shape, long i) {
        NationalShape.GenPosition p = shape.positionOf(i);
        long h = NationalShape.mix(i * 31 + 7);
        Day[] days = new Day[7];
        if ("SHIFT".equals(p.flexi())) {
            LocalTime start = h % 2 == 0 ? LocalTime.of(7, 0) : LocalTime.of(15, 0);
            int rest = (int) (h / 2 % 7);
            for (int d = 0; d < 7; d++) {
                if ((d - rest + 7) % 7 < 5) {
                    days[d] = new Day("OFFICE", start);
                }
            }
            return days;
        }
        LocalTime start = LocalTime.of(7, 0).plusMinutes(30 * (h % 4));
        String[] places = p.places().split(",");
        String remote = places.length > 1 ? places[1 + (int) (h / 4 % (places.length - 1))] : "OFFICE";
        int first = (int) (h / 16 % 5);
        for (int d = 0; d < 5; d++) {
            days[d] = new Day("OFFICE", start);
        }
        for (int k = 0; k < p.maxRemote(); k++) {
            days[(first + 2 * k) % 5] = new Day(remote, start);
        }
        return days;
    }

    private static final String[] WEEKDAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
        "SUNDAY"};

    static String encode(Day[] days) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < 7; d++) {
            if (days[d] != null) {
                if (!sb.isEmpty()) {
                    sb.append(',');
                }
                sb.append(WEEKDAYS[d]).append(':').append(days[d].place()).append(':').append(days[d].start());
            }
        }
        return sb.toString();
    }

    /**
     * Check-in history: every {@code historyEvery}-th officer checked in and out on each of the last
     * {@code historyDays} working days before today, at their plan's place and time (or the office
     * at 07:30), a few minutes early or, now and then, late. Days outer and officers inner, so that
     * event ids (version 7 UUIDs of the day) grow with the load.
     */
    private void loadHistory(Connection c, int part, int parts) throws Exception {
        List<LocalDate> days = historyDaysList();
        EventMaker maker = new EventMaker();
        // Each event's idempotency key goes to attendance_key too (V5), as the service writes it.
        try (Inserter in = new Inserter(c, "attendance_event", EVENT_COLUMNS);
             Inserter keys = new Inserter(c, "attendance_key", KEY_COLUMNS)) {
            for (int dayIndex = part; dayIndex < days.size(); dayIndex += parts) {
                LocalDate date = days.get(dayIndex);
                for (int kind = 0; kind < 2; kind++) {
                    for (long i = 0; i < shape.officers; i += historyEvery) {
                        Event e = maker.event(date, kind, i);
                        if (e == null) {
                            continue;
                        }
                        PreparedStatement k = keys.row();
                        k.setString(1, e.nip);
                        k.setString(2, e.key);
                        k.setString(3, e.id);
                        k.setObject(4, date);
                        keys.add();
                        PreparedStatement ps = in.row();
                        ps.setString(1, e.id);
                        ps.setString(2, e.nip);
                        ps.setString(3, e.kind);
                        ps.setString(4, e.mode);
                        ps.setString(5, e.key);
                        ps.setString(6, e.fingerprint);
                        ps.setObject(7, e.record);
                        ps.setObject(8, e.record);
                        ps.setObject(9, e.receive);
                        ps.setObject(10, date);
                        ps.setString(11, e.zone);
                        ps.setString(12, e.unit);
                        ps.setDouble(13, e.latitude);
                        ps.setDouble(14, e.longitude);
                        ps.setDouble(15, e.accuracy);
                        ps.setString(16, e.device);
                        ps.setString(17, "");
                        ps.setString(18, "VERIFIED");
                        ps.setNull(19, Types.VARCHAR);
                        if (e.checkInId == null) {
                            ps.setNull(20, Types.VARCHAR);
                        } else {
                            ps.setString(20, e.checkInId);
                        }
                        in.add();
                    }
                }
            }
        }
    }

    static final String EVENT_COLUMNS = "id,officer_nip,kind,mode,idempotency_key,fingerprint,record_time,device_time,"
            + "receive_time,local_date,time_zone,unit_id,latitude,longitude,accuracy_meters,device_id,flags,"
            + "verification,violation,check_in_id";
    static final String KEY_COLUMNS = "officer_nip,idempotency_key,event_id,local_date";

    /** One generated check-in or check-out (flags empty, VERIFIED, no violation). */
    static final class Event {
        String id;
        String nip;
        String kind;
        String mode;
        String key;
        String fingerprint;
        LocalDateTime record;
        LocalDateTime receive;
        LocalDate date;
        String zone;
        String unit;
        double latitude;
        double longitude;
        double accuracy;
        String device;
        String checkInId;
    }

    /** Makes the events of the history; one per loading thread (it holds a digest). */
    final class EventMaker {
        private final MessageDigest sha;
        private final HexFormat hex = HexFormat.of();
        private final Event e = new Event();

        EventMaker() throws Exception {
            sha = MessageDigest.getInstance("SHA-256");
        }

        /** Officer i's plan day on a weekday (Monday=0), or null if it is not a working day for them. */
        Day planDay(long i, int weekday) {
            return shape.hasPlan(i) ? planDays(shape, i)[weekday] : weekday < 5 ? new Day("OFFICE", DEFAULT_START) : null;
        }

        /** Officer i's check-in (kind 0) or check-out (kind 1) on date, or null if they did not work; reused. */
        Event event(LocalDate date, int kind, long i) {
            int weekday = date.getDayOfWeek().getValue() - 1;
            Day plan = planDay(i, weekday);
            if (plan == null) {
                return null;
            }
            long dayMillis = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + kind;
            NationalShape.GenUnit u = shape.unitOf(i);
            String nip = shape.nip(i);
            long h = NationalShape.mix(i * 131 + date.toEpochDay());
            ZoneId zone = ZoneId.of(u.province().zone());
            int minutes = h % 20 == 0 ? (int) (5 + h / 20 % 40) : -(int) (h / 20 % 25);
            LocalDateTime localIn = date.atTime(plan.start()).plusMinutes(minutes);
            int work = shape.positionOf(i).dailyMinutes() + (weekday == 4 ? 90 : 60);
            LocalDateTime local = kind == 0 ? localIn : date.atTime(plan.start()).plusMinutes(work + h / 1000 % 40);
            Instant record = local.atZone(zone).toInstant();
            String mode = switch (plan.place()) {
                case "OFFICE" -> "OFFICE";
                case "HOME" -> "HOME";
                default -> "OTHER";
            };
            double[] where = "HOME".equals(mode) ? domicile(u, i) : new double[]{u.lat(), u.lon()};
            String key = "gen-" + date + (kind == 0 ? "-in" : "-out");
            e.id = eventId(dayMillis, i);
            e.nip = nip;
            e.kind = kind == 0 ? "CHECK_IN" : "CHECK_OUT";
            e.mode = mode;
            e.key = key;
            e.fingerprint = hex.formatHex(sha.digest((nip + "|" + key + "|" + mode).getBytes(StandardCharsets.UTF_8)));
            e.record = utc(record);
            e.receive = utc(record.plusMillis(400 + h % 900));
            e.date = date;
            e.zone = zone.getId();
            e.unit = u.id();
            e.latitude = where[0] + (h % 7 - 3) * 0.0001;
            e.longitude = where[1] + (h / 7 % 7 - 3) * 0.0001;
            e.accuracy = 8 + h % 25;
            e.device = "device-" + nip;
            e.checkInId = kind == 0 ? null : eventId(dayMillis - 1, i);
            return e;
        }
    }

    /** The working days of the history, oldest first (days outer, officers inner when loading). */
    private List<LocalDate> historyDaysList() throws Exception {
        List<LocalDate> days = new ArrayList<>();
        java.util.Set<LocalDate> off = new java.util.HashSet<>();
        for (Holiday h : holidays()) {
            if (h.unit() == null) {
                off.add(h.date());
            }
        }
        for (LocalDate d = today.minusDays(1); days.size() < historyDays; d = d.minusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !off.contains(d)) {
                days.add(0, d);
            }
        }
        return days;
    }

    /** A version 7 UUID of the given millisecond whose random bits are the officer index (unique per day and kind). */
    static String eventId(long millis, long i) {
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (i >>> 62 & 0x3L);
        long lsb = (i & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    private static double[] domicile(NationalShape.GenUnit u, long i) {
        long h = NationalShape.mix(i * 17 + 3);
        return new double[]{u.lat() + (h % 1001 - 500) * 0.0001, u.lon() + (h / 1001 % 1001 - 500) * 0.0001};
    }

    record Holiday(String id, LocalDate date, String kind, String description, String unit) {
    }

    /** National holidays and collective leave of 2026 and 2027, and each province's anniversary (2027). */
    List<Holiday> holidays() {
        List<Holiday> out = new ArrayList<>();
        Object[][] national = {
            {"2026-01-01", "NATIONAL_HOLIDAY", "Tahun Baru Masehi"},
            {"2026-01-16", "NATIONAL_HOLIDAY", "Isra Mikraj Nabi Muhammad SAW"},
            {"2026-02-17", "NATIONAL_HOLIDAY", "Tahun Baru Imlek"},
            {"2026-03-19", "NATIONAL_HOLIDAY", "Hari Suci Nyepi"},
            {"2026-03-20", "NATIONAL_HOLIDAY", "Idul Fitri"},
            {"2026-03-21", "NATIONAL_HOLIDAY", "Idul Fitri"},
            {"2026-03-18", "COLLECTIVE_LEAVE", "Cuti bersama Idul Fitri"},
            {"2026-03-23", "COLLECTIVE_LEAVE", "Cuti bersama Idul Fitri"},
            {"2026-03-24", "COLLECTIVE_LEAVE", "Cuti bersama Idul Fitri"},
            {"2026-04-03", "NATIONAL_HOLIDAY", "Wafat Yesus Kristus"},
            {"2026-05-01", "NATIONAL_HOLIDAY", "Hari Buruh Internasional"},
            {"2026-05-14", "NATIONAL_HOLIDAY", "Kenaikan Yesus Kristus"},
            {"2026-05-27", "NATIONAL_HOLIDAY", "Idul Adha"},
            {"2026-05-31", "NATIONAL_HOLIDAY", "Hari Raya Waisak"},
            {"2026-06-01", "NATIONAL_HOLIDAY", "Hari Lahir Pancasila"},
            {"2026-06-16", "NATIONAL_HOLIDAY", "Tahun Baru Islam"},
            {"2026-08-17", "NATIONAL_HOLIDAY", "Hari Kemerdekaan Republik Indonesia"},
            {"2026-08-25", "NATIONAL_HOLIDAY", "Maulid Nabi Muhammad SAW"},
            {"2026-12-24", "COLLECTIVE_LEAVE", "Cuti bersama Hari Raya Natal"},
            {"2026-12-25", "NATIONAL_HOLIDAY", "Hari Raya Natal"},
            {"2027-01-01", "NATIONAL_HOLIDAY", "Tahun Baru Masehi"},
            {"2027-02-06", "NATIONAL_HOLIDAY", "Tahun Baru Imlek"},
            {"2027-03-10", "NATIONAL_HOLIDAY", "Idul Fitri"},
            {"2027-03-11", "NATIONAL_HOLIDAY", "Idul Fitri"},
            {"2027-03-26", "NATIONAL_HOLIDAY", "Wafat Yesus Kristus"},
            {"2027-05-01", "NATIONAL_HOLIDAY", "Hari Buruh Internasional"},
            {"2027-06-01", "NATIONAL_HOLIDAY", "Hari Lahir Pancasila"},
            {"2027-08-17", "NATIONAL_HOLIDAY", "Hari Kemerdekaan Republik Indonesia"},
            {"2027-12-25", "NATIONAL_HOLIDAY", "Hari Raya Natal"}};
        for (Object[] h : national) {
            out.add(new Holiday("nat-" + h[0], LocalDate.parse((String) h[0]), (String) h[1], (String) h[2], null));
        }
        for (NationalShape.GenUnit u : shape.units) {
            if (u.parentId() == null) {
                LocalDate d = LocalDate.of(2027, 1 + (int) (NationalShape.mix(u.index()) % 12),
                        1 + (int) (NationalShape.mix(u.index() + 1) % 28));
                out.add(new Holiday("hut-p" + u.province().code() + "-" + d.getYear(), d, "AGENCY_DAY",
                        "Hari Jadi Provinsi " + u.province().name(), u.id()));
            }
        }
        return out;
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
