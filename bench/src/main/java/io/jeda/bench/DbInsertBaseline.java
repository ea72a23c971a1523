package io.jeda.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database alone: N clients each doing durable single-row autocommit inserts for a fixed time.
 * Check-in throughput is judged against this figure measured in the same run.
 */
final class DbInsertBaseline {

    private DbInsertBaseline() {
    }

    /** @return inserts per second */
    static double run(String serverUrl, String user, String password, int clients, double seconds) throws Exception {
        String db = "jeda_bench_baseline";
        try (Connection c = DriverManager.getConnection(serverUrl + "/", user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + db);
            s.execute("DROP TABLE IF EXISTS " + db + ".probe");
            s.execute("CREATE TABLE " + db + ".probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, k VARCHAR(64) NOT NULL,"
                    + " officer CHAR(18) NOT NULL, at_time DATETIME(6) NOT NULL, UNIQUE KEY probe_k (officer, k))");
        }
        AtomicLong done = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + (long) (seconds * 1e9) + 200_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            final int client = t;
            Thread th = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(serverUrl + "/" + db, user, password);
                     PreparedStatement ps = c.prepareStatement(
                             "INSERT INTO probe (k, officer, at_time) VALUES (?, ?, NOW(6))")) {
                    start.await();
                    long i = 0;
                    while (System.nanoTime() < deadline) {
                        ps.setString(1, "k-" + client + "-" + i++);
                        ps.setString(2, String.format("%018d", client));
                        ps.executeUpdate();
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            th.start();
            threads.add(th);
        }
        Thread.sleep(200);
        long begin = System.nanoTime();
        long before = done.get();
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        return (done.get() - before) / elapsed;
    }
}
