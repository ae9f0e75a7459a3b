-- Insurer payments to hospitals and pharmacies (remittances): a batch per bank transfer, its items claim by claim,
-- and on each claim what was remitted to its payee so far. A claim is PAID only once fully covered.

ALTER TABLE claims ADD COLUMN remitted numeric(16,2) NOT NULL DEFAULT 0
  CHECK (remitted = round(remitted, 2) AND remitted >= 0);
-- a claim paid before batches existed was paid its hospital share in full
UPDATE claims SET remitted = pays_hospital WHERE state = 'PAID';

CREATE TABLE payment_batches (
  insurer_id   text          NOT NULL,
  batch_id     text          NOT NULL,
  payee        text          NOT NULL,
  amount       numeric(16,2) NOT NULL CHECK (amount = round(amount, 2) AND amount > 0),
  applied      numeric(16,2) NOT NULL CHECK (applied >= 0),
  unapplied    numeric(16,2) NOT NULL CHECK (unapplied >= 0),
  value_date   date          NOT NULL,
  request_hash text          NOT NULL,
  response     text          NOT NULL,
  received_at  timestamptz   NOT NULL,
  PRIMARY KEY (insurer_id, batch_id),
  CHECK (applied + unapplied = amount)
);
CREATE INDEX payment_batches_payee ON payment_batches (payee, value_date);

CREATE TABLE payment_items (
  insurer_id text          NOT NULL,
  batch_id   text          NOT NULL,
  item_no    integer       NOT NULL,
  claim_id   text          NOT NULL,
  amount     numeric(16,2) NOT NULL CHECK (amount > 0),
  applied    numeric(16,2) NOT NULL CHECK (applied >= 0 AND applied <= amount),
  outcome    text          NOT NULL CHECK (outcome IN
               ('PAID', 'PARTIAL', 'OVERPAID', 'NOTHING_OWED', 'ALREADY_PAID', 'CLAIM_REVERSED', 'UNKNOWN_CLAIM')),
  PRIMARY KEY (insurer_id, batch_id, item_no),
  FOREIGN KEY (insurer_id, batch_id) REFERENCES payment_batches (insurer_id, batch_id)
);
CREATE INDEX payment_items_claim ON payment_items (claim_id);
