package dev.sextant.gateway.secrets;

import dev.sextant.gateway.DataFolder;
import dev.sextant.gateway.SextantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The server's one {@link SecretBox}, keyed as {@link SecretKeys} says. */
@ApplicationScoped
public class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox(SextantConfig config) {
        try {
            return SecretKeys.load(config.secrets().key(), DataFolder.prepare(config.dataDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + config.dataDir(), e);
        }
    }
}
