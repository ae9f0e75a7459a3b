package com.huibao.gateway.domain.validation;

import java.util.List;

/**
 * A document (settlement, plan, list, policy) that breaks one or more rules; carries every violation found.
 * {@link Kind#MALFORMED}: not readable as the document (missing field, wrong type, more than 2 decimals);
 * {@link Kind#INCONSISTENT}: readable, but its content breaks a rule (a sum identity, an unknown list).
 */
public final class InvalidDocumentException extends RuntimeException {
    /** Whether the document could not be read, or was read and found inconsistent. */
    public enum Kind {
        MALFORMED,
        INCONSISTENT
    }

    private final Kind kind;
    private final List<Violation> violations;

    public InvalidDocumentException(Kind kind, List<Violation> violations) {
        super(summary(violations), null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public static InvalidDocumentException malformed(List<Violation> violations) {
        return new InvalidDocumentException(Kind.MALFORMED, violations);
    }

    public static InvalidDocumentException inconsistent(List<Violation> violations) {
        return new InvalidDocumentException(Kind.INCONSISTENT, violations);
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "invalid document";
        }
        Violation first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.field() + ": " + first.detail() + more;
    }
}
