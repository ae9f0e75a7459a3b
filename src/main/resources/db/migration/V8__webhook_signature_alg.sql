-- How each insurer wants its webhook deliveries signed: ES256 (the default) or SM2SM3 (SM2 with SM3, GM/T 0003),
-- both with the gateway's keys published at /.well-known/jwks.json.
ALTER TABLE webhooks ADD COLUMN signature_alg text NOT NULL DEFAULT 'ES256'
  CHECK (signature_alg IN ('ES256', 'SM2SM3'));
