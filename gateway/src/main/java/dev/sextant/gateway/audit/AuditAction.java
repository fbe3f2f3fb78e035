package dev.sextant.gateway.audit;

import java.util.Locale;

/** What a person did that the audit log records. */
public enum AuditAction {
    SEARCH, ANSWER, CHAT;

    /** As the table and the API write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
