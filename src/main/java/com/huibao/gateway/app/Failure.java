package com.huibao.gateway.app;

import com.huibao.gateway.domain.validation.InvalidDocumentException;

/**
 * The gateway's refusals, each with a stable code and no HTTP status: the HTTP adapter maps the kind to a status.
 * Invalid documents are {@link InvalidDocumentException}.
 */
public abstract sealed class Failure extends RuntimeException
        permits Failure.NotFound, Failure.Forbidden, Failure.Conflict, Failure.Unavailable {
    private final String code;

    private Failure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The thing does not exist, or the caller may not know that it does. */
    public static final class NotFound extends Failure {
        public NotFound(String code, String message) {
            super(code, message);
        }
    }

    /** The caller is known but may not do this. */
    public static final class Forbidden extends Failure {
        public Forbidden(String code, String message) {
            super(code, message);
        }
    }

    /** The request clashes with the current state (another body under the same id, an illegal transition). */
    public static final class Conflict extends Failure {
        public Conflict(String code, String message) {
            super(code, message);
        }
    }

    /** A dependency (the database) is down or overloaded: retry later; nothing was changed. */
    public static final class Unavailable extends Failure {
        public Unavailable(String code, String message) {
            super(code, message);
        }
    }
}
