package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cascade mode needs an LLM endpoint, and says so rather than report the coarse order under its name. */
class EvalCascadeModeTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new EvalCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void withoutAnEndpointTheCascadeIsRefusedWithExit2AndNoReport() throws Exception {
        Path dataset = TinyBeir.write(tmp.resolve("tiny"));
        Path report = tmp.resolve("r.json");

        assertThat(run("--dataset", dataset.toString(), "--modes", "bm25,cascade", "--out", report.toString(),
                "--cache", tmp.resolve("cache").toString())).isEqualTo(2);

        assertThat(err.toString()).contains("--modes cascade needs an LLM endpoint").contains("--llm-base-url")
                .contains("coarse order");
        assertThat(report).doesNotExist();
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void aModelIsNeededBesideTheUrlAndTheModeIsChecked() {
        assertThat(run("--dataset", "x", "--out", "r.json", "--modes", "cascade", "--llm-base-url", "http://127.0.0.1:1/v1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("needs an LLM endpoint");
        assertThat(run("--dataset", "x", "--out", "r.json", "--modes", "cascade", "--llm-base-url", "http://127.0.0.1:1/v1",
                "--llm-model", "m", "--llm-mode", "sideways")).isEqualTo(2);
        assertThat(err.toString()).contains("--llm-mode must be listwise or pointwise");
    }

    @Test
    void withAnEndpointTheArgumentsAreTaken() {
        EvalArgs args = EvalArgs.parse(new String[] {"--dataset", "x", "--out", "r.json", "--modes", "hybrid,cascade",
                "--llm-base-url", "http://127.0.0.1:8000/v1", "--llm-model", "qwen", "--llm-mode", "pointwise"});
        assertThat(args.modes()).containsExactly(EvalMode.HYBRID, EvalMode.CASCADE);
        assertThat(args.cascade().llm().baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(args.cascade().llm().model()).isEqualTo("qwen");
        assertThat(args.cascade().pointwise()).isTrue();
        assertThat(EvalArgs.parse(new String[] {"--dataset", "x", "--out", "r.json"}).cascade()).isNull();
    }
}
