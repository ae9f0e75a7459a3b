package com.huibao.gateway.harness;

import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.TestGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A signed client of one demo identity (hospital, insurer, data feed) or a patient's ID token. */
public final class Client {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final RequestSigner signer;
    private final String bearer;

    private Client(RequestSigner signer, String bearer) {
        this.signer = signer;
        this.bearer = bearer;
    }

    public static Client demo(String clientId) {
        return new Client(TestGateway.demoSigner(clientId), null);
    }

    public static Client patient(String idToken) {
        return new Client(null, idToken);
    }

    /** Builds the request (signed now: a fresh token id each time, so a retry is a new token for the same body). */
    public HttpRequest request(URI base, String method, String path, byte[] body) {
        byte[] b = body == null ? new byte[0] : body;
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .method(
                        method,
                        b.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(b))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + (signer != null ? signer.sign(method, path, b) : bearer))
                .build();
    }

    public HttpResponse<String> send(URI base, String method, String path, byte[] body) throws IOException {
        return send(request(base, method, path, body));
    }

    public static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
