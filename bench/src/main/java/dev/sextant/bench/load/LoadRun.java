package dev.sextant.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Runs the load: signs every user in first, one at a time (a failure there ends the run, since nothing after
 * it would measure the search), then starts all users at once, each a virtual thread that sends the {@link Workload}'s
 * requests one after another until the duration is over or it has sent its cap, whichever comes first.
 */
public final class LoadRun {

    /** What a run measured: the recorder and the wall time from the first user's start to the last's end. */
    public record Result(LoadRecorder recorder, long elapsedNanos) {}

    private final LoadSettings settings;
    private final Workload workload = new Workload();

    public LoadRun(LoadSettings settings) {
        this.settings = settings;
    }

    public Result run() throws IOException, InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder()
                     .version(HttpClient.Version.HTTP_1_1)
                     .followRedirects(HttpClient.Redirect.NEVER)
                     .connectTimeout(settings.requestTimeout())
                     .executor(threads)
                     .build()) {
            List<String> cookies = signInAll(client);
            LoadRecorder recorder = new LoadRecorder();
            long start = System.nanoTime();
            long deadline = start + settings.duration().toNanos();
            List<Future<?>> users = new ArrayList<>();
            for (int u = 0; u < settings.users(); u++) {
                int user = u;
                users.add(threads.submit(() -> loop(client, user, cookies.get(user), deadline, recorder)));
            }
            await(users);
            return new Result(recorder, System.nanoTime() - start);
        }
    }

    /**
     * One user after another: the server counts a sign-in as a failure until its password checks out, so
     * more than a handful at once for one account (or twenty from one address) are throttled as guessing.
     */
    private List<String> signInAll(HttpClient client) throws IOException, InterruptedException {
        SessionSignIn signIn = new SessionSignIn(client, settings.url(), settings.requestTimeout());
        List<String> cookies = new ArrayList<>();
        for (int u = 0; u < settings.users(); u++) {
            cookies.add(signIn.signIn(settings.account(u), settings.password()));
        }
        return cookies;
    }

    private void loop(HttpClient client, int user, String cookie, long deadline, LoadRecorder recorder) {
        for (long n = 0; n < settings.maxRequestsPerUser() && System.nanoTime() < deadline; n++) {
            HttpRequest request = HttpRequest.newBuilder(
                            settings.url().resolve(workload.request(user, n).pathAndQuery()))
                    .timeout(settings.requestTimeout())
                    .header("Cookie", cookie)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            long sent = System.nanoTime();
            Outcome outcome;
            try {
                outcome = Outcome.ofStatus(client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
            } catch (IOException e) {
                outcome = Outcome.ofException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            recorder.record(outcome, System.nanoTime() - sent);
        }
    }

    private static void await(List<Future<?>> users) throws InterruptedException {
        for (Future<?> user : users) {
            try {
                user.get();
            } catch (ExecutionException e) {
                throw new UncheckedIOException(new IOException("a user's loop failed", e.getCause()));
            }
        }
    }
}
