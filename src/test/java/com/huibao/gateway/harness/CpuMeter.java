package com.huibao.gateway.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from {@code /proc/<pid>/stat}) of the processes of a load run: the gateway, the plain
 * baseline, every PostgreSQL process and this generator. CPU per request is far steadier than throughput on a shared
 * VM whose speed drifts between minutes, so {@code scripts/bench} prints both. Linux only; elsewhere it reads zeros.
 */
final class CpuMeter {
    private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    private final Map<String, Long> pids = new LinkedHashMap<>();

    CpuMeter watch(String name, long pid) {
        pids.put(name, pid);
        return this;
    }

    /** Milliseconds of CPU used so far: each watched process, "postgres" (all of its processes) and "generator". */
    Map<String, Double> snapshot() {
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, ticks(Path.of("/proc", String.valueOf(pid), "stat")) * MS_PER_TICK));
        out.put("postgres", postgresTicks() * MS_PER_TICK);
        out.put("generator", ticks(Path.of("/proc/self/stat")) * MS_PER_TICK);
        return out;
    }

    /** {@code after - before} per request, by name. */
    static Map<String, Double> perRequest(Map<String, Double> before, Map<String, Double> after, int requests) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((name, ms) ->
                out.put(name, requests == 0 ? 0 : (ms - before.getOrDefault(name, 0.0)) / requests));
        return out;
    }

    private static long postgresTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> p.resolve("stat"))
                    .filter(stat -> "postgres".equals(comm(stat)))
                    .mapToLong(CpuMeter::ticks)
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String comm(Path stat) {
        String s = read(stat);
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        return open < 0 || close < open ? "" : s.substring(open + 1, close);
    }

    /** utime + stime: fields 14 and 15, counted after the command name (which may hold spaces). */
    private static long ticks(Path stat) {
        String s = read(stat);
        int close = s.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] f = s.substring(close + 2).split(" ");
        return f.length > 12 ? Long.parseLong(f[11]) + Long.parseLong(f[12]) : 0;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
