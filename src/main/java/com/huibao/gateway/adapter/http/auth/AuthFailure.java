package com.huibao.gateway.adapter.http.auth;

/**
 * A refused credential: 401 when the caller is not proven (bad token), 403 when it is proven but not allowed
 * (wrong role, address). The code is stable; the message never echoes secrets.
 */
public final class AuthFailure extends RuntimeException {
    private final int status;
    private final String code;

    public AuthFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static AuthFailure unauthorized(String code, String message) {
        return new AuthFailure(401, code, message);
    }

    public static AuthFailure forbidden(String code, String message) {
        return new AuthFailure(403, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
