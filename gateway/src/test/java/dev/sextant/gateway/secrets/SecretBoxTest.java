package dev.sextant.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";

    @TempDir
    Path data;

    @Test
    void aSealedSecretOpensWithTheSameKeySourceAndNameOnlyAndNeverReadsAsThePlaintext() throws Exception {
        SecretBox box = new SecretBox(key(1), "test key");
        String sealed = box.seal("github-acme", "token", TOKEN);
        String again = box.seal("github-acme", "token", TOKEN);

        assertThat(sealed).doesNotContain(TOKEN).isNotEqualTo(again).as("a random IV per value");
        assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(TOKEN);
        assertThat(box.open("github-acme", "token", sealed)).isEqualTo(TOKEN);
        assertThatThrownBy(() -> box.open("github-other", "token", sealed)).isInstanceOf(SecretException.class);
        assertThatThrownBy(() -> box.open("github-acme", "app_key", sealed)).isInstanceOf(SecretException.class);
    }

    @Test
    void anotherKeyFailsWithAMessageThatSaysWhichSecretAndWhichKey() {
        String sealed = new SecretBox(key(1), "old key").seal("github-acme", "token", TOKEN);
        SecretBox other = new SecretBox(key(2), "sextant.secrets.key");

        assertThatThrownBy(() -> other.open("github-acme", "token", sealed)).isInstanceOf(SecretException.class)
                .hasMessageContaining("'token' of source github-acme")
                .hasMessageContaining("another key than the one from sextant.secrets.key")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> other.open("github-acme", "token", "AAAA")).isInstanceOf(SecretException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aKeyMustHave32Bytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], "sextant.secrets.key"))
                .hasMessageContaining("16 bytes").hasMessageContaining("32");
        assertThatThrownBy(() -> SecretKeys.load(Optional.of("not base64!"), data)).hasMessageContaining("not base64");
    }

    @Test
    void withoutAConfiguredKeyAnOwnerOnlyKeyFileIsCreatedOnceAndReused() throws Exception {
        SecretBox first = SecretKeys.load(Optional.empty(), data);
        Path file = data.resolve(SecretKeys.FILE_NAME);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);

        String sealed = first.seal("s", "token", TOKEN);
        assertThat(SecretKeys.load(Optional.empty(), data).open("s", "token", sealed)).as("the same key").isEqualTo(TOKEN);
        String configured = Base64.getEncoder().encodeToString(key(3));
        assertThatThrownBy(() -> SecretKeys.load(Optional.of(configured), data).open("s", "token", sealed))
                .as("a configured key wins over the file").isInstanceOf(SecretException.class);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
