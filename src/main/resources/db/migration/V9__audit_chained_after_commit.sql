-- The audit record is still written in the transaction of the change it describes, but into audit_pending; the
-- chainer (every instance runs one, audit_head's row lock lets one work at a time) moves committed records into
-- audit_log, giving each the next seq and its SM3 link, in one transaction. Holding audit_head's lock from a change's
-- first append to its commit serialized every confirm, quick claim and consent of every instance (20.8 ms waited
-- per append under load, docs/PERFORMANCE.md); now nothing on a request's path takes that lock.
CREATE TABLE audit_pending (
  id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL,
  actor   text        NOT NULL,
  action  text        NOT NULL,
  subject text        NOT NULL,
  details text        NOT NULL
);

-- Which pending record a chained one came from: a pending record may leave only once its copy is in the chain.
ALTER TABLE audit_log ADD COLUMN pending_id bigint UNIQUE;

CREATE FUNCTION audit_pending_leaves_only_into_the_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_log l WHERE l.pending_id = OLD.id AND l.at = OLD.at
      AND l.actor = OLD.actor AND l.action = OLD.action AND l.subject = OLD.subject AND l.details = OLD.details) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_pending records leave only by being chained into audit_log';
END $$;
CREATE TRIGGER audit_pending_guard BEFORE UPDATE OR DELETE ON audit_pending
  FOR EACH ROW EXECUTE FUNCTION audit_pending_leaves_only_into_the_chain();
