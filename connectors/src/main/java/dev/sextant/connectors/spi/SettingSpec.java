package dev.sextant.connectors.spi;

/**
 * One setting a connector kind reads.
 *
 * @param secret a credential: stored encrypted, never returned by any API
 */
public record SettingSpec(String name, boolean required, boolean secret, String description) {
}
