package dev.sextant.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.bench.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * The load run's JSON report: the settings, the machine, the date, requests per second over the run's wall
 * time (every answered or failed request counts), the successes' latency percentiles and errors by kind.
 */
public final class LoadReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LoadReport() {}

    /** The report of {@code result}, run with {@code settings}, finished at {@code date}. */
    public static ObjectNode of(LoadSettings settings, LoadRun.Result result, Instant date) {
        ObjectNode report = JSON.createObjectNode();
        report.put("date", date.toString());
        ObjectNode s = report.putObject("settings");
        s.put("url", settings.url().toString());
        s.put("users", settings.users());
        s.put("seconds", settings.duration().toSeconds());
        s.put("max_requests_per_user", settings.maxRequestsPerUser());
        s.put("request_timeout_ms", settings.requestTimeout().toMillis());
        settings.accounts().forEach(s.putArray("accounts")::add);
        s.put("sign_in", "POST /j_security_check, then the " + SessionSignIn.COOKIE + " cookie");
        s.put("workload", "GET /api/search, limit " + Workload.PAGE_SIZE + ", keyword/question/phrase/prefix"
                + " queries in turn, pages 1-" + Workload.PAGES + " (offset)");
        MachineInfo.describe(report.putObject("machine"));

        LoadRecorder recorder = result.recorder();
        double seconds = result.elapsedNanos() / 1e9;
        report.put("elapsed_s", round(seconds, 3));
        report.put("requests", recorder.requests());
        report.put("ok", recorder.ok());
        report.put("requests_per_second", round(recorder.requests() / seconds, 1));
        Histogram latencies = recorder.latencies();
        ObjectNode latency = report.putObject("latency_ms");
        latency.put("count", latencies.getTotalCount());
        if (latencies.getTotalCount() > 0) {
            latency.put("p50", ms(latencies.getValueAtPercentile(50)));
            latency.put("p95", ms(latencies.getValueAtPercentile(95)));
            latency.put("p99", ms(latencies.getValueAtPercentile(99)));
            latency.put("max", ms(latencies.getMaxValue()));
            latency.put("mean", round(latencies.getMean() / 1e6, 2));
        }
        ObjectNode errors = report.putObject("errors");
        long errorTotal = 0;
        for (var kind : recorder.errors().entrySet()) {
            errors.put(kind.getKey(), kind.getValue());
            errorTotal += kind.getValue();
        }
        report.put("error_total", errorTotal);
        return report;
    }

    static void write(ObjectNode report, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(out.toFile(), report);
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6, 2);
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
