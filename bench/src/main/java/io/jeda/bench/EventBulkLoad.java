package io.jeda.bench;

import com.mysql.cj.jdbc.JdbcStatement;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast way to fill a large events table (generate --events-only): attendance_event and
 * attendance_key are loaded with {@code LOAD DATA LOCAL INFILE} from rows generated on the fly
 * (tab-separated, streamed to the server without files), each table in its primary key order, with
 * their secondary indexes dropped for the load and built again afterwards in one ALTER per table
 * (InnoDB builds an index from sorted runs, far faster than inserting into it row by row once it
 * outgrows the buffer pool). The tables' definitions are compared with {@code SHOW CREATE TABLE}
 * before and after: the load fails if they differ.
 * <p>
 * The officers are loaded in blocks ({@link #BLOCK_OFFICERS}), each by one of {@code --threads}
 * workers with two connections: the block's events, one statement (and commit) per day and kind,
 * officers in order (the order of their ids, version 7 UUIDs of the day), and beside them its keys,
 * officers outer, days and kinds inner (the order of (officer_nip, idempotency_key)). A load stopped
 * at {@code --stop-loading-at} ends after whole blocks, so every event has its key.
 */
final class EventBulkLoad {

    /** Officers of a block: its events of one day and kind are one LOAD DATA statement (one transaction). */
    static final int BLOCK_OFFICERS = 250_000;

    interface Connector {
        Connection connect() throws SQLException;
    }

    /** A secondary index as SHOW INDEX lists it. */
    record Index(String name, boolean unique, List<String> parts) {
        String definition() {
            return (unique ? "ADD UNIQUE INDEX `" : "ADD INDEX `") + name + "` (" + String.join(", ", parts) + ")";
        }
    }

    /** One statement's rows: a (day, kind) and an officer range for events, an officer range for keys. */
    record Chunk(int day, int kind, long from, long to) {
    }

    private final Connector connector;
    private final NationalGenerator.EventMakerFactory makers;
    private final List<LocalDate> days;
    private final long officers;
    private final int every;
    private final int threads;
    private final Map<String, NationalGenerator.Tally> tallies;
    private final Instant stopAt;
    private final AtomicLong loadedBlocks = new AtomicLong();

    EventBulkLoad(Connector connector, NationalGenerator.EventMakerFactory makers, List<LocalDate> days, long officers,
            int every, int threads, Map<String, NationalGenerator.Tally> tallies, Instant stopAt) {
        this.connector = connector;
        this.makers = makers;
        this.days = days;
        this.officers = officers;
        this.every = every;
        this.threads = Math.max(1, threads);
        this.tallies = tallies;
        this.stopAt = stopAt;
    }

    void run() throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, List<Index>> dropped = new LinkedHashMap<>();
        try (Connection c = connector.connect()) {
            for (String table : List.of("attendance_event", "attendance_key")) {
                if (count(c, table) > 0) {
                    throw new IllegalStateException(table + " is not empty: add --fresh to drop and refill it");
                }
                before.put(table, showCreate(c, table));
                List<Index> indexes = secondaryIndexes(c, table);
                dropped.put(table, indexes);
                if (!indexes.isEmpty()) {
                    List<String> drops = new ArrayList<>();
                    for (Index ix : indexes) {
                        drops.add("DROP INDEX `" + ix.name() + "`");
                    }
                    execute(c, "ALTER TABLE " + table + " " + String.join(", ", drops));
                }
                System.out.printf("  %s: secondary indexes %s dropped for the load%n", table,
                        indexes.stream().map(Index::name).toList());
            }
        }
        // Blocks of officers, each loaded whole (its events of every day and its keys) by one worker
        // with two connections, so that a load stopped at --stop-loading-at leaves every event with its key.
        long perBlock = (long) BLOCK_OFFICERS * every;
        long blocks = (officers + perBlock - 1) / perBlock;
        AtomicLong nextBlock = new AtomicLong();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                jobs.add(pool.submit(() -> {
                    try (Connection events = connector.connect(); Connection keys = connector.connect()) {
                        NationalGenerator.EventMaker eventMaker = makers.maker();
                        NationalGenerator.EventMaker keyMaker = makers.maker();
                        for (long b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                            if (stopAt != null && Instant.now().isAfter(stopAt)) {
                                System.out.printf("  stopped at %s before block %d of %d (--stop-loading-at)%n",
                                        Instant.now(), b, blocks);
                                break;
                            }
                            long from = b * perBlock;
                            long to = Math.min(officers, from + perBlock);
                            List<Chunk> ev = new ArrayList<>();
                            for (int d = 0; d < days.size(); d++) {
                                for (int kind = 0; kind < 2; kind++) {
                                    ev.add(new Chunk(d, kind, from, to));
                                }
                            }
                            List<Chunk> ks = new ArrayList<>();
                            long step = Math.max(every, perBlock / Math.max(1, days.size()));
                            for (long i = from; i < to; i += step) {
                                ks.add(new Chunk(-1, -1, i, Math.min(to, i + step)));
                            }
                            Future<Void> keyJob = pool.submit(() -> load(pool, keys, keyMaker, "attendance_key",
                                    NationalGenerator.KEY_COLUMNS, ks, false));
                            load(pool, events, eventMaker, "attendance_event", NationalGenerator.EVENT_COLUMNS, ev, true);
                            keyJob.get();
                            System.out.printf("  block %d of %d loaded (%d done) at %s%n", b, blocks,
                                    loadedBlocks.incrementAndGet(), Instant.now());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            System.out.printf("  %d of %d blocks of %,d officers loaded%n", loadedBlocks.get(), blocks, perBlock);
            jobs.clear();
            // The indexes are built again, both tables at once, each in one ALTER (one scan of the table).
            for (Map.Entry<String, List<Index>> e : dropped.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                jobs.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try (Connection c = connector.connect()) {
                        execute(c, "ALTER TABLE " + e.getKey() + " "
                                + String.join(", ", e.getValue().stream().map(Index::definition).toList()));
                    }
                    NationalGenerator.Tally t = tally(e.getKey() + " indexes");
                    synchronized (t) {
                        t.nanos = System.nanoTime() - t0;
                    }
                    System.out.printf("  %s: indexes built again in %.1f s%n", e.getKey(), (System.nanoTime() - t0) / 1e9);
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connector.connect()) {
            for (Map.Entry<String, String> e : before.entrySet()) {
                String after = showCreate(c, e.getKey());
                if (!after.equals(e.getValue())) {
                    throw new IllegalStateException("the definition of " + e.getKey() + " changed in the load:\n"
                            + e.getValue() + "\n---\n" + after);
                }
            }
        }
        System.out.println("  SHOW CREATE TABLE of attendance_event and attendance_key: as the migrations made them");
    }

    private NationalGenerator.Tally tally(String table) {
        synchronized (tallies) {
            return tallies.computeIfAbsent(table, NationalGenerator.Tally::new);
        }
    }

    /** Loads the chunks into table over connection c, one LOAD DATA (and commit) per chunk. */
    private Void load(ExecutorService pool, Connection c, NationalGenerator.EventMaker maker, String table,
            String columns, List<Chunk> chunks, boolean events) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        c.setAutoCommit(true);
        for (Chunk chunk : chunks) {
            Pipe pipe = new Pipe();
            Future<Long> produced = pool.submit(() -> {
                try {
                    return events ? writeEvents(maker, chunk, pipe) : writeKeys(maker, chunk, pipe);
                } finally {
                    pipe.close();
                }
            });
            long loaded;
            try (Statement s = c.createStatement()) {
                s.unwrap(JdbcStatement.class).setLocalInfileInputStream(pipe);
                loaded = s.executeUpdate("LOAD DATA LOCAL INFILE 'generated' INTO TABLE " + table
                        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' ("
                        + columns + ")");
                SQLWarning w = s.getWarnings();
                if (w != null) {
                    throw new IllegalStateException(table + ": the server warned while loading: " + w.getMessage());
                }
            } catch (Exception e) {
                pipe.abort();
                produced.cancel(true);
                throw e;
            }
            long made = produced.get();
            if (loaded != made) {
                throw new IllegalStateException(table + ": " + made + " rows generated but " + loaded + " loaded");
            }
            rows += loaded;
        }
        NationalGenerator.Tally t = tally(table);
        synchronized (t) {
            t.rows += rows;
            t.nanos += System.nanoTime() - t0;
        }
        return null;
    }

    private long writeEvents(NationalGenerator.EventMaker maker, Chunk chunk, Pipe out) throws Exception {
        LocalDate date = days.get(chunk.day());
        long rows = 0;
        for (long i = chunk.from(); i < chunk.to(); i += every) {
            NationalGenerator.Event e = maker.event(date, chunk.kind(), i);
            if (e == null) {
                continue;
            }
            out.text(e.id).text(e.nip).text(e.kind).text(e.mode).text(e.key).text(e.fingerprint).time(e.record)
                    .time(e.record).time(e.receive).date(e.date).text(e.zone).text(e.unit).number(e.latitude)
                    .number(e.longitude).number(e.accuracy).text(e.device).text("").text("VERIFIED").nul()
                    .text(e.checkInId).end();
            rows++;
        }
        return rows;
    }

    private long writeKeys(NationalGenerator.EventMaker maker, Chunk chunk, Pipe out) throws Exception {
        long first = (chunk.from() + every - 1) / every * every;
        long rows = 0;
        for (long i = first; i < chunk.to(); i += every) {
            for (LocalDate date : days) {
                for (int kind = 0; kind < 2; kind++) {
                    NationalGenerator.Event e = maker.event(date, kind, i);
                    if (e == null) {
                        continue;
                    }
                    out.text(e.nip).text(e.key).text(e.id).date(e.date).end();
                    rows++;
                }
            }
        }
        return rows;
    }

    /**
     * Tab-separated rows from a generating thread to the driver, in blocks of about 1 MB through a
     * short queue, so that generating and loading overlap. Values are plain ASCII without tabs,
     * newlines or backslashes, so nothing needs escaping; \N is NULL.
     */
    static final class Pipe extends InputStream {
        private static final byte[] END = new byte[0];
        private static final int BLOCK = 1 << 20;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
        private byte[] buf = new byte[BLOCK + 4096];
        private int len;
        private byte[] current;
        private int pos;
        private volatile boolean aborted;

        Pipe text(String s) {
            if (s == null) {
                return nul();
            }
            for (int k = 0; k < s.length(); k++) {
                buf[len++] = (byte) s.charAt(k);
            }
            buf[len++] = '\t';
            return this;
        }

        Pipe nul() {
            buf[len++] = '\\';
            buf[len++] = 'N';
            buf[len++] = '\t';
            return this;
        }

        Pipe number(double d) {
            return text(Double.toString(d));
        }

        Pipe date(LocalDate d) {
            digits(d.getYear(), 4);
            buf[len++] = '-';
            digits(d.getMonthValue(), 2);
            buf[len++] = '-';
            digits(d.getDayOfMonth(), 2);
            buf[len++] = '\t';
            return this;
        }

        Pipe time(LocalDateTime t) {
            date(t.toLocalDate());
            buf[len - 1] = ' ';
            digits(t.getHour(), 2);
            buf[len++] = ':';
            digits(t.getMinute(), 2);
            buf[len++] = ':';
            digits(t.getSecond(), 2);
            buf[len++] = '.';
            digits(t.getNano() / 1000, 6);
            buf[len++] = '\t';
            return this;
        }

        private void digits(int v, int width) {
            for (int k = width - 1; k >= 0; k--) {
                buf[len + k] = (byte) ('0' + v % 10);
                v /= 10;
            }
            len += width;
        }

        void end() throws InterruptedException {
            buf[len - 1] = '\n';
            if (len >= BLOCK) {
                flush();
            }
        }

        private void flush() throws InterruptedException {
            if (len > 0) {
                byte[] block = java.util.Arrays.copyOf(buf, len);
                len = 0;
                put(block);
            }
        }

        private void put(byte[] block) throws InterruptedException {
            while (!queue.offer(block, 100, TimeUnit.MILLISECONDS)) {
                if (aborted) {
                    throw new InterruptedException("load aborted");
                }
            }
        }

        /** The end of the rows (from the generating thread). */
        @Override
        public void close() {
            try {
                if (!aborted) {
                    flush();
                    put(END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void abort() {
            aborted = true;
            queue.clear();
        }

        private boolean next() throws IOException {
            if (current == END) {
                return false;
            }
            if (current == null || pos == current.length) {
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                pos = 0;
                return current != END;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return next() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            if (n == 0) {
                return 0;
            }
            if (!next()) {
                return -1;
            }
            int k = Math.min(n, current.length - pos);
            System.arraycopy(current, pos, b, off, k);
            pos += k;
            return k;
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String showCreate(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + table)) {
            rs.next();
            return rs.getString(2);
        }
    }

    /** The table's indexes other than its primary key, in the order SHOW INDEX lists them. */
    static List<Index> secondaryIndexes(Connection c, String table) throws SQLException {
        Map<String, Index> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW INDEX FROM " + table)) {
            while (rs.next()) {
                String name = rs.getString("Key_name");
                if ("PRIMARY".equals(name)) {
                    continue;
                }
                String part = "`" + rs.getString("Column_name") + "`"
                        + (rs.getObject("Sub_part") == null ? "" : "(" + rs.getInt("Sub_part") + ")");
                out.computeIfAbsent(name, n -> {
                    try {
                        return new Index(n, rs.getInt("Non_unique") == 0, new ArrayList<>());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).parts().add(part);
            }
        }
        return List.copyOf(out.values());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
