#!/usr/bin/env python3
"""Verify a Huibao Gateway answer (Huibao-Signature) with Python's `cryptography` (Debian: python3-cryptography).

Usage: verify_response.py JWKS_FILE BODY_FILE SIGNATURE
  JWKS_FILE  the gateway's /.well-known/jwks.json
  BODY_FILE  the response body as decoded (gunzip it first if you asked for Content-Encoding: gzip)
  SIGNATURE  the Huibao-Signature header
Exits 0 when the answer verifies with a key of purpose "response" and typ huibao-response, 1 otherwise.
"""
import base64
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, utils


def b64d(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def b64e(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=")


def verify(jwks, body, signature):
    header_b64, payload, sig_b64 = signature.split(".")
    if payload:
        return False  # detached: the payload is the body, re-attached below
    header = json.loads(b64d(header_b64))
    if header.get("typ") != "huibao-response" or header.get("alg") != "ES256":
        return False
    key = next((k for k in jwks["keys"] if k.get("kid") == header.get("kid") and k.get("purpose") == "response"), None)
    if key is None:
        return False
    public = ec.EllipticCurvePublicNumbers(int.from_bytes(b64d(key["x"]), "big"), int.from_bytes(b64d(key["y"]), "big"),
                                           ec.SECP256R1()).public_key()
    raw = b64d(sig_b64)  # JWS ES256: r || s, 32 bytes each
    der = utils.encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(der, header_b64.encode("ascii") + b"." + b64e(body), ec.ECDSA(hashes.SHA256()))
        return True
    except InvalidSignature:
        return False


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        keys = json.load(f)
    with open(sys.argv[2], "rb") as f:
        data = f.read()
    ok = verify(keys, data, sys.argv[3])
    print("verified" if ok else "NOT verified")
    sys.exit(0 if ok else 1)
