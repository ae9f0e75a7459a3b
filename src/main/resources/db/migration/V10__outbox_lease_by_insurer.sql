-- A poll leases due events of the insurers that have a webhook, reading each such insurer's pending events in order
-- (docs/DECISIONS.md, Proactive claims and webhooks). Before, it read every pending event in order of seq and
-- joined the webhooks after the ordering check: an insurer that polls instead of registering a URL keeps a growing
-- backlog, and 200,000 such events cost PostgreSQL 0.85 s per poll, every 500 ms on every instance.
DROP INDEX outbox_due;
CREATE INDEX outbox_pending ON outbox (insurer_id, seq) WHERE state = 'PENDING';
-- GET /v1/webhook/events lists one insurer's events in order of seq.
CREATE INDEX outbox_insurer ON outbox (insurer_id, seq);
