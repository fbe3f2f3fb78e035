package dev.sextant.gateway.limits;

/** The kinds of request that each have their own per-user budget. */
public enum RequestKind {
    SEARCH, ANSWER, CHAT;

    /** As the configuration, the messages and the audit log name it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
