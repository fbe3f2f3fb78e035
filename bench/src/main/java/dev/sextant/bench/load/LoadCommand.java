package dev.sextant.bench.load;

import dev.sextant.bench.Flags;
import dev.sextant.bench.UsageException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./sextant load}: signs in N demo users against a running Sextant on this machine, sends the mixed
 * search workload for S seconds and writes a JSON report (see {@link LoadReport}).
 */
public final class LoadCommand {

    static final String USAGE = """
            Usage: ./sextant load --url http://127.0.0.1:8080 --users N --seconds S --out REPORT.json [options]
              --url URL           the running server; loopback addresses only (default: http://127.0.0.1:8080)
              --users N           concurrent signed-in users, cycling alice, bob, carol, admin (default: 10)
              --seconds S         how long every user sends requests (default: 30)
              --out FILE          where to write the JSON report (required)
              --max-requests N    at most N requests per user (default: 1000 per second of --seconds)
              --timeout-ms MS     a request without an answer after MS is a timeout (default: 10000)
              --password P        the accounts' password (default: demo)
            Exit status: 0 done (errors are in the report), 1 failed (e.g. sign-in refused), 2 bad arguments.""";

    private LoadCommand() {}

    public static void main(String[] args) {
        LoadSettings settings;
        try {
            settings = parse(args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("load: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        try {
            ObjectNode report = LoadReport.of(settings, new LoadRun(settings).run(), Instant.now());
            LoadReport.write(report, settings.out());
            System.out.println(report.toPrettyString());
        } catch (IOException e) {
            System.err.println("load: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    static LoadSettings parse(String[] args) {
        URI url = URI.create("http://127.0.0.1:8080");
        int users = 10;
        int seconds = 30;
        Integer maxRequests = null;
        int timeoutMs = 10_000;
        String password = "demo";
        Path out = null;
        Flags flags = new Flags(args);
        while (flags.next()) {
            String flag = flags.flag();
            String value = flags.value();
            switch (flag) {
                case "--url" -> url = uri(value);
                case "--users" -> users = integer(flag, value);
                case "--seconds" -> seconds = integer(flag, value);
                case "--max-requests" -> maxRequests = integer(flag, value);
                case "--timeout-ms" -> timeoutMs = integer(flag, value);
                case "--password" -> password = value;
                case "--out" -> out = Path.of(value);
                default -> throw new UsageException("unknown option '" + flag + "'");
            }
        }
        if (out == null) {
            throw new UsageException("--out is required");
        }
        if (timeoutMs < 1) {
            throw new UsageException("--timeout-ms must be at least 1, got " + timeoutMs);
        }
        int cap = maxRequests != null ? maxRequests : (int) Math.min(Integer.MAX_VALUE, 1000L * Math.max(seconds, 1));
        return new LoadSettings(url, users, Duration.ofSeconds(seconds), cap, Duration.ofMillis(timeoutMs),
                LoadSettings.DEMO_ACCOUNTS, password, out);
    }

    private static URI uri(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url is not a URL: " + value);
        }
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + value + "'");
        }
    }
}
