package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.crypto.PiiProtector;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;

/**
 * A settlement as received, sealed: since V18 as bytes in {@code settlements.document_sealed}; rows written before
 * keep their Base64 text in {@code document_cipher}.
 */
final class SealedDocuments {
    /** What a query selects to read a settlement's document with {@link #read}: the two columns, in this order. */
    static final String COLUMNS = "document_cipher, document_sealed";

    private SealedDocuments() {}

    static Buffer of(PiiProtector pii, String document) {
        return Buffer.buffer(pii.sealDocument(document));
    }

    /** The document of a row whose {@link #COLUMNS} start at {@code column}. */
    static String read(PiiProtector pii, Row row, int column) {
        Buffer sealed = row.getBuffer(column + 1);
        return sealed == null ? pii.decrypt(row.getString(column)) : pii.openDocument(sealed.getBytes());
    }
}
