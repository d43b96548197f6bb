package gov.keyproject.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects named figures, prints them and writes them as Markdown and JSON with the machine they ran on. */
final class Figures {

    private final String title;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Figures(String title) {
        this.title = title;
    }

    void put(String name, Object value) {
        values.put(name, value);
        System.out.printf("  %-48s %s%n", name, value);
    }

    void note(String note) {
        notes.add(note);
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1_000_000.0;
    }

    static long[] sorted(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("when", Instant.now().toString());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1024.0 / 1024 / 1024));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n| figure | value |\n| --- | --- |\n");
        values.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nMachine: ").append(machine).append("\n");
        notes.forEach(n -> md.append("\n- ").append(n));
        Files.writeString(dir.resolve(name + ".md"), md.append('\n').toString());
        StringBuilder json = new StringBuilder("{\n  \"title\": \"").append(title).append("\",\n  \"machine\": {");
        json.append(String.join(", ", machine.entrySet().stream().map(e -> "\"" + e.getKey() + "\": "
                + quote(e.getValue())).toList())).append("},\n  \"figures\": {\n");
        json.append(String.join(",\n", values.entrySet().stream().map(e -> "    \"" + e.getKey() + "\": "
                + quote(e.getValue())).toList())).append("\n  }\n}\n");
        Files.writeString(dir.resolve(name + ".json"), json.toString());
        System.out.println("written: " + dir.resolve(name + ".md") + " and .json");
    }

    private static String quote(Object v) {
        return v instanceof Number ? v.toString() : "\"" + String.valueOf(v).replace("\"", "\\\"") + "\"";
    }
}
