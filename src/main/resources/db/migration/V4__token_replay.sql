-- Client request token ids (jti), kept until the token expires: a token is accepted once across every gateway
-- instance sharing this database.
CREATE TABLE used_tokens (
  client_id  text        NOT NULL,
  jti        text        NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, jti)
);
CREATE INDEX used_tokens_expiry ON used_tokens (expires_at);
