package gov.keyproject.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What each test showed, one Markdown table row per test in {@code target/reliability-results.md} (the README's table
 * is copied from it), and on standard output.
 */
final class Results {

    private static final Path FILE = Path.of("target", "reliability-results.md");

    private Results() {
    }

    static synchronized void record(String test, String shown) {
        String row = "| " + test + " | " + shown + " |";
        System.out.println("RESULT " + row);
        try {
            if (!Files.exists(FILE)) {
                Files.createDirectories(FILE.getParent());
                Files.writeString(FILE, "| test | shown on this machine |\n| --- | --- |\n", StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
