#!/usr/bin/env python3
"""A signed request to Huibao Gateway, and the check of its signed answer, in Python.

Needs only the `cryptography` package (Debian: apt install python3-cryptography) and the standard library.

    huibao_client.py --gateway http://localhost:8080 --client demo-hospital \
        --key config/demo/keys/demo-hospital.private.jwk POST /v1/eligibility body.json

Prints the answer's body on stdout and "HTTP <status>, signature verified (kid …)" on stderr. Exits 0 when the
answer is a 2xx whose Huibao-Signature verifies, 1 otherwise. Import `HuibaoClient` to use it from your own code.
"""
import argparse
import base64
import hashlib
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, utils


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int(b64: str) -> int:
    return int.from_bytes(b64d(b64), "big")


class HuibaoClient:
    def __init__(self, gateway: str, client_id: str, private_jwk: dict, audience: str = "huibao-gateway"):
        if private_jwk.get("kty") != "EC" or private_jwk.get("crv") != "P-256" or "d" not in private_jwk:
            raise ValueError("an ES256 private JWK (kty EC, crv P-256, with d) is needed")
        self.gateway = gateway.rstrip("/")
        self.client_id = client_id
        self.audience = audience
        self.kid = private_jwk["kid"]
        self.key = ec.derive_private_key(_int(private_jwk["d"]), ec.SECP256R1())
        self._jwks = None

    def token(self, method: str, path_and_query: str, body: bytes) -> str:
        """The request token: ES256, typ JWT, bound to this method, path and query, and body."""
        now = int(time.time())
        claims = {
            "iss": self.client_id, "sub": self.client_id, "aud": self.audience,
            "iat": now, "exp": now + 120,               # at most 300 s
            "jti": str(uuid.uuid4()),                   # accepted once
            "htm": method.upper(),                      # the method
            "htu": path_and_query,                      # path and query exactly as sent
        }
        if body:
            claims["bsh"] = b64e(hashlib.sha256(body).digest())  # base64url SHA-256 of the exact body bytes
        header = {"alg": "ES256", "typ": "JWT", "kid": self.kid}
        signing_input = b64e(json.dumps(header).encode()) + "." + b64e(json.dumps(claims).encode())
        der = self.key.sign(signing_input.encode("ascii"), ec.ECDSA(hashes.SHA256()))
        r, s = utils.decode_dss_signature(der)  # JWS wants r || s, 32 bytes each, not DER
        return signing_input + "." + b64e(r.to_bytes(32, "big") + s.to_bytes(32, "big"))

    def jwks(self, refresh: bool = False) -> dict:
        if self._jwks is None or refresh:  # cache it; fetch again on an unknown kid
            with urllib.request.urlopen(self.gateway + "/.well-known/jwks.json") as r:
                self._jwks = json.load(r)
        return self._jwks

    def verify(self, body: bytes, signature: str) -> str:
        """Checks Huibao-Signature (detached JWS over the exact body bytes); returns the kid or raises."""
        header_b64, detached, sig_b64 = signature.split(".")
        if detached:
            raise InvalidSignature("the payload must be detached")
        header = json.loads(b64d(header_b64))
        if header.get("typ") != "huibao-response" or header.get("alg") != "ES256":
            raise InvalidSignature("not an answer signature")

        def find(keys):
            return next((k for k in keys["keys"]
                         if k.get("kid") == header.get("kid") and k.get("purpose") == "response"), None)

        jwk = find(self.jwks()) or find(self.jwks(refresh=True))
        if jwk is None:
            raise InvalidSignature("no response key " + str(header.get("kid")))
        public = ec.EllipticCurvePublicNumbers(_int(jwk["x"]), _int(jwk["y"]), ec.SECP256R1()).public_key()
        raw = b64d(sig_b64)
        der = utils.encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        public.verify(der, (header_b64 + "." + b64e(body)).encode("ascii"), ec.ECDSA(hashes.SHA256()))
        return header["kid"]

    def call(self, method: str, path_and_query: str, body: bytes = b""):
        """Sends one signed request; returns (status, body bytes, kid of the verified answer signature)."""
        request = urllib.request.Request(self.gateway + path_and_query, data=body or None, method=method.upper())
        request.add_header("Authorization", "Bearer " + self.token(method, path_and_query, body))
        request.add_header("Accept", "application/json")
        if body:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request) as r:
                status, data, signature = r.status, r.read(), r.headers.get("Huibao-Signature")
        except urllib.error.HTTPError as refused:  # refusals are signed too, once the token verified
            status, data, signature = refused.code, refused.read(), refused.headers.get("Huibao-Signature")
        if signature is None:
            raise InvalidSignature(f"HTTP {status} without Huibao-Signature: {data[:200]!r}")
        return status, data, self.verify(data, signature)


def main(argv):
    p = argparse.ArgumentParser(description="Send one signed request to Huibao Gateway and verify the answer.")
    p.add_argument("--gateway", default="http://localhost:8080")
    p.add_argument("--client", required=True, help="client id (iss, sub)")
    p.add_argument("--key", required=True, help="the client's ES256 private JWK file")
    p.add_argument("--audience", default="huibao-gateway", help="the gateway's GATEWAY_ID (aud)")
    p.add_argument("method")
    p.add_argument("path", help="path and query, e.g. /v1/reconciliation/2026-03-15")
    p.add_argument("body", nargs="?", help="file with the request body (JSON)")
    a = p.parse_args(argv)
    with open(a.key, encoding="utf-8") as f:
        client = HuibaoClient(a.gateway, a.client, json.load(f), a.audience)
    body = b""
    if a.body:
        with open(a.body, "rb") as f:
            body = f.read()
    try:
        status, data, kid = client.call(a.method, a.path, body)
    except InvalidSignature as e:
        print(f"signature NOT verified: {e}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(data + b"\n")
    print(f"HTTP {status}, signature verified (kid {kid})", file=sys.stderr)
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
