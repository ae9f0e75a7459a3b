// A signed request to Huibao Gateway, and the check of its signed answer, in Node.js 18+ with `jose`.
//
//   npm ci            # in clients/node: jose, pinned in package-lock.json
//   node huibao-client.mjs --gateway http://localhost:8080 --client demo-hospital \
//       --key ../../config/demo/keys/demo-hospital.private.jwk POST /v1/eligibility body.json
//
// Prints the answer's body on stdout and "HTTP <status>, signature verified (kid …)" on stderr; exits 0 when the
// answer is a 2xx whose Huibao-Signature verifies, 1 otherwise. Import { HuibaoClient } to use it in your own code.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, importJWK, flattenedVerify, decodeProtectedHeader, base64url } from 'jose';

export class HuibaoClient {
  constructor({ gateway, clientId, privateJwk, audience = 'huibao-gateway' }) {
    if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'P-256' || !privateJwk.d) {
      throw new Error('an ES256 private JWK (kty EC, crv P-256, with d) is needed');
    }
    this.gateway = gateway.replace(/\/$/, '');
    this.clientId = clientId;
    this.audience = audience;
    this.jwk = privateJwk;
    this.jwks = null;
  }

  // The request token: ES256, typ JWT, bound to this method, path and query, and body.
  async token(method, pathAndQuery, body /* Uint8Array */) {
    const claims = { htm: method.toUpperCase(), htu: pathAndQuery }; // path and query exactly as sent
    if (body.length > 0) claims.bsh = base64url.encode(createHash('sha256').update(body).digest());
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: this.jwk.kid })
      .setIssuer(this.clientId)
      .setSubject(this.clientId)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime('120s') // at most 300 s
      .setJti(randomUUID()) // accepted once
      .sign(await importJWK(this.jwk, 'ES256'));
  }

  async keys(refresh = false) {
    if (!this.jwks || refresh) { // cache it; fetch again on an unknown kid
      this.jwks = await (await fetch(`${this.gateway}/.well-known/jwks.json`)).json();
    }
    return this.jwks;
  }

  // Checks Huibao-Signature (detached JWS over the exact body bytes); returns the kid or throws.
  async verify(body /* Uint8Array */, signature) {
    const [protectedHeader, detached, sig] = signature.split('.');
    if (detached !== '') throw new Error('the payload must be detached');
    const header = decodeProtectedHeader(signature);
    if (header.typ !== 'huibao-response' || header.alg !== 'ES256') throw new Error('not an answer signature');
    const find = (jwks) => jwks.keys.find((k) => k.kid === header.kid && k.purpose === 'response');
    const jwk = find(await this.keys()) ?? find(await this.keys(true));
    if (!jwk) throw new Error(`no response key ${header.kid}`);
    await flattenedVerify({ protected: protectedHeader, payload: base64url.encode(body), signature: sig },
      await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] });
    return header.kid;
  }

  // Sends one signed request; returns { status, body (bytes), kid } of the verified answer.
  async call(method, pathAndQuery, body = new Uint8Array()) {
    const headers = { authorization: `Bearer ${await this.token(method, pathAndQuery, body)}`, accept: 'application/json' };
    if (body.length > 0) headers['content-type'] = 'application/json';
    const res = await fetch(this.gateway + pathAndQuery, {
      method: method.toUpperCase(), headers, body: body.length > 0 ? body : undefined,
    });
    const answer = new Uint8Array(await res.arrayBuffer()); // fetch() has already undone gzip
    const signature = res.headers.get('huibao-signature'); // refusals are signed too, once the token verified
    if (!signature) throw new Error(`HTTP ${res.status} without Huibao-Signature`);
    return { status: res.status, body: answer, kid: await this.verify(answer, signature) };
  }
}

async function main(argv) {
  const opts = { gateway: 'http://localhost:8080', audience: 'huibao-gateway' };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) opts[argv[i].slice(2)] = argv[++i];
    else rest.push(argv[i]);
  }
  const [method, path, bodyFile] = rest;
  if (!opts.client || !opts.key || !method || !path) {
    console.error('usage: huibao-client.mjs [--gateway URL] --client ID --key JWK [--audience AUD] METHOD PATH [BODY]');
    return 2;
  }
  const client = new HuibaoClient({
    gateway: opts.gateway, clientId: opts.client, audience: opts.audience,
    privateJwk: JSON.parse(readFileSync(opts.key, 'utf8')),
  });
  try {
    const { status, body, kid } = await client.call(method, path,
      bodyFile ? new Uint8Array(readFileSync(bodyFile)) : new Uint8Array());
    process.stdout.write(Buffer.concat([body, Buffer.from('\n')]));
    console.error(`HTTP ${status}, signature verified (kid ${kid})`);
    return status >= 200 && status < 300 ? 0 : 1;
  } catch (e) {
    console.error(`signature NOT verified: ${e.message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
