package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.codec.DeflateDictionary;
import com.huibao.gateway.codec.Deflated;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;

/**
 * The large texts of a confirm or a quick claim (stored answer, adjudication, event) as written since V16: deflated
 * (with the answers' dictionary since it was added) into a {@code bytea} column beside the old {@code text} one, which
 * rows written before keep (issue 28).
 */
final class CompactText {
    /** Far above any answer the gateway writes; a stored value that inflates beyond it is refused, not read. */
    private static final int MAX_BYTES = 64 << 20;

    private CompactText() {}

    /** {@code text} deflated, as a value for a {@code bytea} column. */
    static Buffer of(String text) {
        return Buffer.buffer(Deflated.of(text, DeflateDictionary.ANSWER_1));
    }

    /** UTF-8 JSON or text already as bytes, deflated. */
    static Buffer of(byte[] utf8) {
        return Buffer.buffer(Deflated.of(utf8, DeflateDictionary.ANSWER_1));
    }

    /** The text of a row: its {@code bytea} column inflated, or else its old {@code text} column (may be null). */
    static String read(Row row, int textColumn, int deflatedColumn) {
        Buffer z = row.getBuffer(deflatedColumn);
        return z == null ? row.getString(textColumn) : Deflated.text(z.getBytes(), MAX_BYTES);
    }
}
