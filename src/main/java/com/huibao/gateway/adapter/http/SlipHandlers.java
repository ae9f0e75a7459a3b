package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.http.slip.SlipDocument;
import com.huibao.gateway.app.settlement.GetSlipUseCase;
import com.huibao.gateway.crypto.SlipSigner;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/** The printable settlement slip: HTML by default, PDF with {@code Accept: application/pdf}. */
public final class SlipHandlers {
    private final GetSlipUseCase slips;
    private final SlipSigner signer;

    public SlipHandlers(GetSlipUseCase slips, SlipSigner signer) {
        this.slips = slips;
        this.signer = signer;
    }

    void slip(RoutingContext rc) {
        boolean pdf = String.valueOf(rc.request().getHeader("Accept")).contains("application/pdf");
        slips.execute(RequestContext.principal(rc), rc.pathParam("setl_id"))
                .compose(slip -> rc.vertx().executeBlocking(() -> {
                    SlipDocument d = SlipDocument.of(slip, signer);
                    return pdf ? d.pdf() : d.html().getBytes(StandardCharsets.UTF_8);
                }))
                .onSuccess(bytes -> Responses.end(
                        rc, 200, pdf ? "application/pdf" : "text/html; charset=utf-8", Buffer.buffer(bytes)))
                .onFailure(rc::fail);
    }
}
