-- Append-only audit log: every state change, written in the same transaction as the change, each record holding
-- the SM3 of the previous one (hash = SM3(prev_hash || canonical record)). audit_head serializes appends so that
-- the chain has no forks. UPDATE and DELETE are refused by a trigger.
CREATE TABLE audit_log (
  seq       bigint      PRIMARY KEY,
  at        timestamptz NOT NULL,
  actor     text        NOT NULL,
  action    text        NOT NULL,
  subject   text        NOT NULL,
  details   text        NOT NULL,
  prev_hash text        NOT NULL,
  hash      text        NOT NULL
);

CREATE TABLE audit_head (
  id   integer PRIMARY KEY CHECK (id = 1),
  seq  bigint  NOT NULL,
  hash text    NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
