package dev.sextant.connectors.spi;

/** Checks a source's credentials before they are saved, with a message that says what is wrong. */
public interface ConnectionCheck {

    /**
     * Calls the source as a sync would, cheaply.
     *
     * @throws SourceCheckException saying what is wrong: a bad token, a missing scope (naming it), an unreachable
     *                              host (naming it), a base URL that is not the API
     */
    void check() throws SourceCheckException, InterruptedException;
}
