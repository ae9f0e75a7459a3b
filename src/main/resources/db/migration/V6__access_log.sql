-- Every read of a patient's data by a hospital or an insurer: who, when, what, why (the purpose). Patients read it
-- through GET /v1/me/access-log. Append-only, like the audit log.
CREATE TABLE access_log (
  id           bigserial   PRIMARY KEY,
  person_key   text        NOT NULL,
  at           timestamptz NOT NULL,
  actor_role   text        NOT NULL,
  actor_id     text        NOT NULL,
  actor_tenant text        NOT NULL,
  action       text        NOT NULL,
  purpose      text        NOT NULL,
  subject      text        NOT NULL
);
CREATE INDEX access_log_person ON access_log (person_key, at DESC);
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
