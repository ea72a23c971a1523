package io.jeda.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of other processes on this machine (Linux {@code /proc/PID/stat}), so that a run can say
 * what each answer cost the processes that served it: a figure that a busy machine disturbs far less
 * than calls per second, because it counts the cycles spent, not the time waited for a core.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc} times: 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private final List<Long> pids;

    private ProcessCpu(List<Long> pids) {
        this.pids = pids;
    }

    /** The processes named by a comma-separated list of pids; empty (measuring nothing) for null. */
    static ProcessCpu of(String pidList) {
        List<Long> pids = new ArrayList<>();
        if (pidList != null && !pidList.isBlank()) {
            for (String p : pidList.split(",")) {
                pids.add(Long.parseLong(p.trim()));
            }
        }
        return new ProcessCpu(pids);
    }

    static ProcessCpu of(long pid) {
        return new ProcessCpu(List.of(pid));
    }

    boolean measures() {
        return !pids.isEmpty();
    }

    /** User plus system CPU seconds used so far by all the processes; NaN if one cannot be read. */
    double seconds() {
        double total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                // The command name, in parentheses, may hold spaces: count fields after its end.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
        return total;
    }

    /** Microseconds of CPU per call for {@code calls} calls served between two readings. */
    static double microsPerCall(double before, double after, long calls) {
        return calls == 0 ? Double.NaN : (after - before) * 1e6 / calls;
    }
}
