package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher refuses demo mode beside a real source or off loopback before it builds or starts anything. */
class DemoLauncherTest {

    private static final Path LAUNCHER = Path.of("..", "sextant").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Result(int code, String output) {
    }

    @Test
    void demoTogetherWithARealFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("docs"));

        Result r = launch(Map.of(), "serve", "--demo", "--fs", folder.toString(), "--data", tmp.resolve("data").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.output()).contains("--demo cannot be combined with --fs").contains("password is published");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void demoModeOnAnAddressOthersCanReachIsRefused() throws Exception {
        Result r = launch(Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"), "--data", tmp.resolve("data").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.output()).contains("demo mode listens on loopback only, but QUARKUS_HTTP_HOST=0.0.0.0");
    }

    @Test
    void demoAndNoDemoContradictEachOther() throws Exception {
        Result r = launch(Map.of(), "serve", "--no-demo", "--demo");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.output()).contains("--demo and --no-demo contradict each other");
    }

    private static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("QUARKUS_HTTP_HOST");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher stopped by itself").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
