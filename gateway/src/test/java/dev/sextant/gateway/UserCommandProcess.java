package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.accounts.UserCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link UserCommand} in its own JVM, as {@code ./sextant user} does, with the test's classpath. */
final class UserCommandProcess {

    record Result(int code, String output) {
    }

    private UserCommandProcess() {
    }

    static Result run(Path dataDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        // Under the profile pg (the PostgreSQL run) the command must reach the server's PostgreSQL, as it does in use.
        if (System.getProperty("quarkus.test.profile", "").contains("pg")) {
            command.add("-Dquarkus.profile=pg");
            for (String key : List.of("sextant.postgresql.url", "sextant.postgresql.username", "sextant.postgresql.password")) {
                command.add("-D" + key + "=" + System.getProperty(key, ""));
            }
        }
        command.add(UserCommand.class.getName());
        command.addAll(List.of(args));
        command.addAll(List.of("--data", dataDir.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("user command finished").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
