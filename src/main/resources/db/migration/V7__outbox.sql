-- Transactional outbox of events to insurers (written in the transaction of the change) and the insurers' webhook
-- endpoints. A dispatcher leases due events with FOR UPDATE SKIP LOCKED (lease_until: a dead instance's lease
-- expires and another instance delivers), delivers them in order per ordering key (the policy), retries with
-- exponential back-off and jitter, and parks an event after max attempts until it is replayed.
CREATE TABLE webhooks (
  insurer_id text        PRIMARY KEY,
  url        text        NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE outbox (
  id              uuid        PRIMARY KEY,
  seq             bigserial   UNIQUE,
  insurer_id      text        NOT NULL,
  ordering_key    text        NOT NULL,
  type            text        NOT NULL,
  payload         text        NOT NULL,
  created_at      timestamptz NOT NULL,
  state           text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  last_error      text,
  delivered_at    timestamptz
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX outbox_order ON outbox (ordering_key, seq) WHERE state <> 'DELIVERED';
