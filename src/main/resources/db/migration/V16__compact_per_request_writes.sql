-- Half the database work per confirm (issue 28, docs/PERFORMANCE.md "Database work per confirm").
--
-- The three large texts a confirm or a quick claim writes (the stored answer, each claim's adjudication, the event for
-- the insurer) are written deflated by the gateway into bytea columns beside the old text ones. Rows written before
-- keep their text; a reader takes whichever is present. STORAGE EXTERNAL: PostgreSQL does not try to compress them
-- again (pglz on deflated data only costs CPU).
ALTER TABLE direct_settlements ALTER COLUMN confirm_response DROP NOT NULL;
ALTER TABLE direct_settlements ADD COLUMN confirm_response_z bytea;
ALTER TABLE direct_settlements ALTER COLUMN confirm_response_z SET STORAGE EXTERNAL;
ALTER TABLE direct_settlements ADD CONSTRAINT direct_settlements_confirm_response_present
  CHECK (confirm_response IS NOT NULL OR confirm_response_z IS NOT NULL);

ALTER TABLE claims ALTER COLUMN result DROP NOT NULL;
ALTER TABLE claims ADD COLUMN result_z bytea;
ALTER TABLE claims ALTER COLUMN result_z SET STORAGE EXTERNAL;
ALTER TABLE claims ADD CONSTRAINT claims_result_present CHECK (result IS NOT NULL OR result_z IS NOT NULL);

ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN payload_z bytea;
ALTER TABLE outbox ALTER COLUMN payload_z SET STORAGE EXTERNAL;
ALTER TABLE outbox ADD CONSTRAINT outbox_payload_present CHECK (payload IS NOT NULL OR payload_z IS NOT NULL);

-- Indexes no query uses, each an insert (and WAL) per request or per event:
-- the outbox's seq comes from its own sequence, and every query that orders by it does so within an insurer
-- (outbox_insurer, outbox_pending) or an ordering key (outbox_order);
ALTER TABLE outbox DROP CONSTRAINT outbox_seq_key;
-- nothing reads the access log by id: a patient's entries are read by person, newest first, id breaking ties;
ALTER TABLE access_log DROP CONSTRAINT access_log_pkey;
DROP INDEX access_log_person;
CREATE INDEX access_log_person ON access_log (person_key, at DESC, id DESC);
-- the purge of expired token ids runs once a minute over a table that holds five minutes of requests: a scan of it
-- costs less than keeping an index on expires_at for every request.
DROP INDEX used_tokens_expiry;

-- A row of these tables now fits in a page without help (a deflated answer is about 2 KB, a sealed settlement 2.7 KB):
-- keep it inline rather than move its largest value out of line into the TOAST table (a second heap row and an index
-- entry, in the WAL too) as soon as the row passes 2 KB.
ALTER TABLE settlements SET (toast_tuple_target = 8160);
ALTER TABLE direct_settlements SET (toast_tuple_target = 8160);
ALTER TABLE claims SET (toast_tuple_target = 8160);
ALTER TABLE outbox SET (toast_tuple_target = 8160);

-- A confirm or a quick claim adds to about seven accumulator rows of its policy: room left in each page lets PostgreSQL
-- update them in place (HOT: no new entry in the primary key's index, less WAL) instead of writing a new index entry
-- for every row on every claim. New pages are filled to 70 %; older ones gain room as their rows move.
ALTER TABLE accumulators SET (fillfactor = 70);
