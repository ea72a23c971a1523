package io.jeda.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The audit log's local spool: where audit entries go while the gateway's database refuses them,
 * so that an answer given during a database outage is still audited once the database is back.
 * <p>
 * One append-only file per gateway replica ({@code <dir>/<replica>.spool}), one line per entry with
 * its stable id and a checksum, so that a line torn by a crash is recognised and skipped. Appends
 * are forced to disk per {@link Fsync} policy. The file is bounded ({@code max-bytes}): an entry that
 * does not fit is refused, and the caller decides (async mode drops and counts it, sync mode refuses
 * the answer). {@link #replay} moves the file aside ({@code .replaying}) under the lock, so appends go
 * on into a fresh file, then writes the moved entries to the database in batches; the insert is
 * idempotent on the entry id, so a replay cut short (the database failed again, or the process
 * died) is simply replayed again without duplicates, and a leftover {@code .replaying} file is
 * replayed first after a restart.
 */
public class AuditSpool {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSpool.class);

    /** When an append is forced to disk. */
    public enum Fsync {
        /** Before the append returns: an entry acknowledged is on disk (survives a power loss). */
        ALWAYS,
        /** Left to the operating system: survives the process dying (kill -9), not a power loss. */
        NEVER;

        static Fsync parse(String v) {
            return "never".equalsIgnoreCase(v) || "os".equalsIgnoreCase(v) ? NEVER : ALWAYS;
        }
    }

    private final Path file;
    private final Path replaying;
    private final long maxBytes;
    private final Fsync fsync;
    private final Object lock = new Object();
    private FileChannel out;
    /** Bytes in the spool file plus in the file being replayed. */
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final Counter spooled;
    private final Counter replayed;
    private final Counter dropped;

    public AuditSpool(Path dir, String replica, long maxBytes, String fsync, MeterRegistry registry) {
        String name = replica.replaceAll("[^A-Za-z0-9._-]", "_");
        this.file = dir.resolve(name + ".spool");
        this.replaying = dir.resolve(name + ".spool.replaying");
        this.maxBytes = maxBytes;
        this.fsync = Fsync.parse(fsync);
        try {
            Files.createDirectories(dir);
            for (Path p : List.of(file, replaying)) {
                if (Files.exists(p)) {
                    bytes.addAndGet(Files.size(p));
                    pending.addAndGet(read(p).size());
                }
            }
        } catch (IOException e) {
            // Unwritable: every append will be refused, and counted.
            LOG.error("audit spool directory {} is not usable: {}", dir, e.toString());
        }
        this.spooled = Counter.builder("jeda.audit.spooled").description(
                "Audit entries written to the local spool because the database refused them").register(registry);
        this.replayed = Counter.builder("jeda.audit.replayed").description(
                "Audit entries replayed from the local spool into the database").register(registry);
        this.dropped = Counter.builder("jeda.audit.dropped").description(
                "Audit entries lost: the database refused them and the spool was full or unwritable").register(registry);
        Gauge.builder("jeda.audit.spool.bytes", bytes, AtomicLong::get).description(
                "Bytes of audit entries waiting in the local spool").baseUnit("bytes").register(registry);
        Gauge.builder("jeda.audit.spool.entries", pending, AtomicLong::get).description(
                "Audit entries waiting in the local spool").register(registry);
    }

    /** Whether entries wait in the spool (the database was down and they are not replayed yet). */
    public boolean hasPending() {
        return pending.get() > 0;
    }

    public long pendingEntries() {
        return pending.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /**
     * Appends entries, all or none.
     *
     * @return false when they do not fit in {@code max-bytes} or the file cannot be written
     */
    public boolean append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return true;
        }
        StringBuilder sb = new StringBuilder(entries.size() * 160);
        for (AuditEntry e : entries) {
            sb.append(encode(e)).append('\n');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (bytes.get() + data.length > maxBytes) {
                dropped.increment(entries.size());
                return false;
            }
            try {
                FileChannel ch = channel();
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (fsync == Fsync.ALWAYS) {
                    ch.force(false);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("could not spool {} audit entries: {}", entries.size(), e.toString());
                closeQuietly();
                dropped.increment(entries.size());
                return false;
            }
            bytes.addAndGet(data.length);
            pending.addAndGet(entries.size());
            spooled.increment(entries.size());
            return true;
        }
    }

    /**
     * Writes the spooled entries with {@code writer} (idempotent on the entry id) in batches of
     * {@code batchSize}, oldest first.
     *
     * @return entries written; the spool keeps them all when the writer fails
     * @throws RuntimeException what the writer threw
     */
    public int replay(Consumer<List<AuditEntry>> writer, int batchSize) {
        // The file moved aside by an earlier replay (or before a restart) first, then the current one.
        int n = replayOnce(writer, batchSize);
        return n + replayOnce(writer, batchSize);
    }

    private int replayOnce(Consumer<List<AuditEntry>> writer, int batchSize) {
        synchronized (lock) {
            try {
                if (!Files.exists(replaying)) {
                    if (!Files.exists(file) || Files.size(file) == 0) {
                        return 0;
                    }
                    closeQuietly();
                    Files.move(file, replaying, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<AuditEntry> entries;
        long size;
        try {
            size = Files.size(replaying);
            entries = read(replaying);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < entries.size(); i += batchSize) {
            writer.accept(entries.subList(i, Math.min(entries.size(), i + batchSize)));
        }
        try {
            Files.delete(replaying);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.addAndGet(-size);
        pending.addAndGet(-entries.size());
        replayed.increment(entries.size());
        return entries.size();
    }

    private FileChannel channel() throws IOException {
        if (out == null || !out.isOpen()) {
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        return out;
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Reopened on the next append.
            }
            out = null;
        }
    }

    public void close() {
        synchronized (lock) {
            closeQuietly();
        }
    }

    /** The complete lines of a spool file; a torn or damaged line (a crash mid-append) is skipped. */
    static List<AuditEntry> read(Path p) throws IOException {
        List<AuditEntry> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                AuditEntry e = decode(line);
                if (e == null) {
                    if (!line.isEmpty()) {
                        LOG.warn("skipped a damaged audit spool line in {} ({} chars)", p, line.length());
                    }
                } else {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** id, asked-at (epoch second and nanos), client, nip, urgency, state, reachable, degraded, then a CRC32. */
    static String encode(AuditEntry e) {
        String body = String.join("\t", field(e.entryId()), Long.toString(e.askedAt().getEpochSecond()),
                Integer.toString(e.askedAt().getNano()), field(e.clientId()), field(e.officerNip()),
                field(e.urgency()), field(e.state()), e.reachable() ? "1" : "0", e.degraded() ? "1" : "0");
        return body + "\t" + crc(body);
    }

    static AuditEntry decode(String line) {
        int last = line.lastIndexOf('\t');
        if (last < 0 || !line.substring(last + 1).equals(crc(line.substring(0, last)))) {
            return null;
        }
        String[] f = line.substring(0, last).split("\t", -1);
        if (f.length != 9) {
            return null;
        }
        try {
            return new AuditEntry(null, Instant.ofEpochSecond(Long.parseLong(f[1]), Integer.parseInt(f[2])),
                    unfield(f[3]), unfield(f[4]), unfield(f[5]), unfield(f[6]), "1".equals(f[7]), "1".equals(f[8]),
                    unfield(f[0]));
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static String crc(String body) {
        CRC32 c = new CRC32();
        c.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(c.getValue()).toLowerCase(Locale.ROOT);
    }

    /** Tabs, line breaks and backslashes escaped, so that one entry is one line. */
    private static String field(String v) {
        if (v == null) {
            return "\\0";
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String unfield(String v) {
        if (v.equals("\\0")) {
            return null;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
