#!/usr/bin/env bash
# Verify an SM2SM3 webhook delivery of Huibao Gateway with OpenSSL 3 alone.
# Usage: verify-sm2-webhook.sh SM2_JWKS_FILE EVENT_ID TIMESTAMP BODY_FILE SIGNATURE
#   SM2_JWKS_FILE  the gateway's /.well-known/sm2-jwks.json
#   EVENT_ID, TIMESTAMP, SIGNATURE  the Huibao-Event-Id, Huibao-Timestamp and Huibao-Signature headers
#   BODY_FILE      the delivery's body, exactly as received
# Checks typ and kid (purpose webhook), then the SM2 signature (SM3, user ID 1234567812345678) over
# header "." base64url(id "." timestamp "." body). The timestamp window and de-duplication are the receiver's
# (docs/SECURITY.md, "Webhooks"). Needs openssl 3, python3 (JSON only), basenc and xxd.
set -euo pipefail
jwks=$1 id=$2 ts=$3 body=$4 sig=$5
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
IFS=. read -r head detached s <<<"$sig"
[ -z "$detached" ] || { echo "not a detached JWS"; exit 1; }
b64d() { local v=$1; while [ $(( ${#v} % 4 )) -ne 0 ]; do v="$v="; done; printf '%s' "$v" | basenc --base64url -d; }
b64e() { basenc --base64url -w0 | tr -d '='; }
header=$(b64d "$head")
read -r typ kid alg < <(python3 -c 'import json,sys; h=json.loads(sys.argv[1]); print(h.get("typ"), h.get("kid"), h.get("alg"))' "$header")
[ "$typ" = huibao-webhook ] && [ "$alg" = SM2SM3 ] || { echo "typ/alg is $typ/$alg"; exit 1; }
read -r x y < <(python3 -c 'import json,sys
k=[k for k in json.load(open(sys.argv[1]))["keys"] if k.get("kid")==sys.argv[2] and k.get("purpose")=="webhook"]
print(k[0]["x"], k[0]["y"]) if k else sys.exit("no webhook key " + sys.argv[2])' "$jwks" "$kid")
# the public key as SubjectPublicKeyInfo (id-ecPublicKey, curve SM2)
cat > "$work/pub.cnf" <<CNF
asn1=SEQUENCE:spki
[spki]
alg=SEQUENCE:alg
key=FORMAT:HEX,BITSTRING:04$(b64d "$x" | xxd -p -c 64)$(b64d "$y" | xxd -p -c 64)
[alg]
oid=OID:id-ecPublicKey
curve=OID:1.2.156.10197.1.301
CNF
openssl asn1parse -genconf "$work/pub.cnf" -out "$work/pub.der" >/dev/null
# the JWS signature is raw r || s; OpenSSL wants DER
rs=$(b64d "$s" | xxd -p -c 64)
printf 'asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n' "${rs:0:64}" "${rs:64:64}" > "$work/sig.cnf"
openssl asn1parse -genconf "$work/sig.cnf" -out "$work/sig.der" >/dev/null
# the signing input: header "." base64url(id.timestamp.body)
{ printf '%s.' "$head"; { printf '%s.%s.' "$id" "$ts"; cat "$body"; } | b64e; } > "$work/input"
openssl pkeyutl -verify -pubin -keyform DER -inkey "$work/pub.der" -rawin -digest sm3 \
  -pkeyopt distid:1234567812345678 -in "$work/input" -sigfile "$work/sig.der"
