package dev.sextant.connectors.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTidyTest {

    @Test
    void dropsTrailingSpaceAndKeepsOneBlankLineAtMost() {
        assertThat(TextTidy.tidy("  Title \t\r\n\n\n \n\nBody  \nend  ")).isEqualTo("Title\n\nBody\nend");
    }

    /** What tidying was before it became a scan; fine on short strings. */
    private static String oldTidy(String text) {
        return text.replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    @Test
    void agreesWithTheRegexesItReplacesOnEveryShortString() {
        SplittableRandom random = new SplittableRandom(5);
        char[] alphabet = {' ', '\t', '\r', '\f', '\n', '\n', 'a', 'b'};
        for (int sample = 0; sample < 200_000; sample++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            assertThat(TextTidy.tidy(text)).as("'%s'", text.replace("\n", "\\n")).isEqualTo(oldTidy(text));
        }
    }

    @Test
    void hundredThousandCharacterRunsTakeLinearTime() {
        String spaces = " ".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(TextTidy.tidy("a" + spaces + "b")).hasSize(100_002);
            assertThat(TextTidy.tidy("a" + spaces + "\nb")).isEqualTo("a\nb");
            assertThat(TextTidy.tidy("a" + "\n".repeat(100_000) + "b")).isEqualTo("a\n\nb");
            assertThat(TextTidy.tidy(" \t\r".repeat(33_000) + "a")).isEqualTo("a");
        });
    }
}
