package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;

/** The not-found answers of an insurer's plans and lists (another insurer's are not found either). */
final class InsurerDocumentsNotFound {
    private InsurerDocumentsNotFound() {}

    static Failure.NotFound plan(String planId) {
        return new Failure.NotFound("PLAN_NOT_FOUND", "no plan " + planId + " of this insurer");
    }

    static Failure.NotFound planVersion(String planId, int version) {
        return new Failure.NotFound(
                "PLAN_VERSION_NOT_FOUND", "no version " + version + " of plan " + planId + " of this insurer");
    }

    static Failure.NotFound listVersion(String listId, String version) {
        return new Failure.NotFound(
                "LIST_VERSION_NOT_FOUND", "no version " + version + " of list " + listId + " of this insurer");
    }
}
