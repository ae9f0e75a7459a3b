package com.huibao.gateway.adapter.pg;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.preauth.DrugRef;
import com.huibao.gateway.domain.preauth.PreAuthState;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The rows of {@code pre_authorizations} and the domain's pre-authorization, both ways. */
final class PgPreAuthorizations {
    static final String COLUMNS = "id, approval_no, insurer_id, policy_no, person_key, drug_code, generic_name, "
            + "quantity_requested, days_supply, diagnosis, prescriber, documents, requested_by, state, "
            + "quantity_approved, quantity_used, valid_from, valid_to, reason, requested_at, decided_at";
    static final String SELECT = "SELECT " + COLUMNS + " FROM pre_authorizations";
    static final String INSERT = "INSERT INTO pre_authorizations (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, "
            + "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)";
    static final String UPDATE = "UPDATE pre_authorizations SET approval_no = $2, state = $3, quantity_approved = $4, "
            + "quantity_used = $5, valid_from = $6, valid_to = $7, reason = $8, decided_at = $9 WHERE id = $1";

    private PgPreAuthorizations() {}

    static PreAuthorization read(Row r) {
        List<String> documents = new ArrayList<>();
        JsonNode docs = Json.parse(r.getString(11));
        docs.forEach(d -> documents.add(d.asText()));
        OffsetDateTime decided = r.getOffsetDateTime(20);
        return new PreAuthorization(
                r.getUUID(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                new DrugRef(r.getString(5), r.getString(6)),
                r.getBigDecimal(7),
                r.getInteger(8),
                r.getString(9),
                r.getString(10),
                documents,
                r.getString(12),
                PreAuthState.valueOf(r.getString(13)),
                r.getBigDecimal(14),
                r.getBigDecimal(15),
                r.getLocalDate(16),
                r.getLocalDate(17),
                r.getString(18),
                r.getOffsetDateTime(19).toInstant(),
                decided == null ? null : decided.toInstant());
    }

    static Tuple insert(PreAuthorization p) {
        return Tuple.tuple()
                .addUUID(p.id())
                .addString(p.approvalNo())
                .addString(p.insurerId())
                .addString(p.policyNo())
                .addString(p.personKey())
                .addString(p.drug().code())
                .addString(p.drug().genericName())
                .addBigDecimal(p.quantityRequested())
                .addInteger(p.daysSupply())
                .addString(p.diagnosis())
                .addString(p.prescriber())
                .addString(Json.write(Json.MAPPER.valueToTree(p.documents())))
                .addString(p.requestedBy())
                .addString(p.state().name())
                .addBigDecimal(p.quantityApproved())
                .addBigDecimal(p.quantityUsed())
                .addLocalDate(p.validFrom())
                .addLocalDate(p.validTo())
                .addString(p.reason())
                .addOffsetDateTime(p.requestedAt().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(p.decidedAt() == null ? null : p.decidedAt().atOffset(ZoneOffset.UTC));
    }

    static Tuple update(PreAuthorization p) {
        return Tuple.tuple()
                .addUUID(p.id())
                .addString(p.approvalNo())
                .addString(p.state().name())
                .addBigDecimal(p.quantityApproved())
                .addBigDecimal(p.quantityUsed())
                .addLocalDate(p.validFrom())
                .addLocalDate(p.validTo())
                .addString(p.reason())
                .addOffsetDateTime(p.decidedAt() == null ? null : p.decidedAt().atOffset(ZoneOffset.UTC));
    }
}
