// Verify a Huibao Gateway answer (Huibao-Signature) with `jose` (npm i jose; checked with jose 5). Node 18+.
// Usage: node verify-response.mjs JWKS_FILE BODY_FILE SIGNATURE, or import { verifyAnswer } in your client and pass
// the decoded body bytes (fetch() undoes gzip for you: new Uint8Array(await res.arrayBuffer())) and the header.
import { flattenedVerify, importJWK, base64url, decodeProtectedHeader } from 'jose';

export async function verifyAnswer(jwks, body /* Uint8Array */, signature /* Huibao-Signature */) {
  const [protectedHeader, detached, sig] = signature.split('.');
  if (detached !== '') return false;
  const header = decodeProtectedHeader(signature);
  if (header.typ !== 'huibao-response' || header.alg !== 'ES256') return false;
  const jwk = jwks.keys.find((k) => k.kid === header.kid && k.purpose === 'response');
  if (!jwk) return false;
  try {
    // the detached payload re-attached: base64url of the exact body bytes
    await flattenedVerify({ protected: protectedHeader, payload: base64url.encode(body), signature: sig },
      await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] });
    return true;
  } catch {
    return false;
  }
}

if (process.argv[2] && process.argv[3]) {
  const { readFileSync } = await import('node:fs');
  const ok = await verifyAnswer(JSON.parse(readFileSync(process.argv[2], 'utf8')),
    new Uint8Array(readFileSync(process.argv[3])), process.argv[4]);
  console.log(ok ? 'verified' : 'NOT verified');
  process.exit(ok ? 0 : 1);
}
