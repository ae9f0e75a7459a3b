-- Settlements received (from a hospital's confirm or the data feed), direct settlements with their stored
-- responses, and claims. Settlement documents carry identity numbers and names, so they are stored only
-- SM4-GCM encrypted; the columns beside them hold what queries need.

CREATE TABLE settlements (
  setl_id         text          PRIMARY KEY,
  fixmedins_code  text          NOT NULL,
  person_key      text          NOT NULL,
  setl_time       timestamp     NOT NULL,
  med_type        text          NOT NULL,
  psn_part_amt    numeric(16,2) NOT NULL CHECK (psn_part_amt = round(psn_part_amt, 2) AND psn_part_amt >= 0),
  psn_cash_pay    numeric(16,2) NOT NULL CHECK (psn_cash_pay = round(psn_cash_pay, 2) AND psn_cash_pay >= 0),
  content_hash    text          NOT NULL,
  document_cipher text          NOT NULL,
  source          text          NOT NULL CHECK (source IN ('HOSPITAL', 'DATA_FEED')),
  received_at     timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX settlements_person ON settlements (person_key, setl_time);

-- One row per confirmed direct settlement: the idempotency record (request hash and the response as sent) and
-- its state. A reversal never deletes: it records its time and response beside the confirmation.
CREATE TABLE direct_settlements (
  setl_id               text          PRIMARY KEY REFERENCES settlements (setl_id),
  fixmedins_code        text          NOT NULL,
  request_hash          text          NOT NULL,
  state                 text          NOT NULL CHECK (state IN ('CONFIRMED', 'REVERSED')),
  payout_total          numeric(16,2) NOT NULL,
  insurer_pays_hospital numeric(16,2) NOT NULL,
  patient_cash_due      numeric(16,2) NOT NULL,
  insurer_pays_patient  numeric(16,2) NOT NULL,
  confirmed_at          timestamptz   NOT NULL,
  confirm_response      text          NOT NULL,
  reversed_at           timestamptz,
  reversal_response     text,
  CHECK ((state = 'REVERSED') = (reversed_at IS NOT NULL))
);
CREATE INDEX direct_settlements_confirmed ON direct_settlements (fixmedins_code, confirmed_at);
CREATE INDEX direct_settlements_reversed ON direct_settlements (fixmedins_code, reversed_at);

-- A claim: one policy's payout for one settlement, whatever the channel. (setl_id, policy_no) is unique, so a
-- settlement is never paid twice by one policy, even through two channels or under two idempotency keys.
CREATE TABLE claims (
  claim_id              text          PRIMARY KEY,
  setl_id               text          NOT NULL REFERENCES settlements (setl_id),
  policy_no             text          NOT NULL REFERENCES policies (policy_no),
  insurer_id            text          NOT NULL,
  plan_id               text          NOT NULL,
  plan_version          integer       NOT NULL,
  channel               text          NOT NULL CHECK (channel IN ('DIRECT_SETTLEMENT', 'QUICK_CLAIM', 'PROACTIVE_CLAIM')),
  state                 text          NOT NULL CHECK (state IN ('APPROVED', 'PAID', 'REVERSED')),
  payout                numeric(16,2) NOT NULL CHECK (payout = round(payout, 2) AND payout >= 0),
  pays_hospital         numeric(16,2) NOT NULL CHECK (pays_hospital >= 0),
  pays_patient          numeric(16,2) NOT NULL CHECK (pays_patient >= 0),
  result                text          NOT NULL,
  created_at            timestamptz   NOT NULL DEFAULT now(),
  paid_at               timestamptz,
  payment_ref           text,
  reversed_at           timestamptz,
  UNIQUE (setl_id, policy_no),
  CHECK (pays_hospital + pays_patient = payout)
);
CREATE INDEX claims_insurer ON claims (insurer_id, created_at, claim_id);
CREATE INDEX claims_policy ON claims (policy_no);

-- What each settlement added to each policy's accumulators, per channel: a reversal subtracts exactly these rows
-- and marks them reversed. Kept even for policies that paid 0 but used their deductible.
CREATE TABLE accumulator_deltas (
  setl_id   text          NOT NULL REFERENCES settlements (setl_id),
  policy_no text          NOT NULL REFERENCES policies (policy_no),
  channel   text          NOT NULL CHECK (channel IN ('DIRECT_SETTLEMENT', 'QUICK_CLAIM', 'PROACTIVE_CLAIM')),
  kind      text          NOT NULL CHECK (kind IN ('deductible', 'paid', 'total')),
  key       text          NOT NULL,
  amount    numeric(16,2) NOT NULL CHECK (amount = round(amount, 2) AND amount >= 0),
  reversed  boolean       NOT NULL DEFAULT false,
  PRIMARY KEY (setl_id, policy_no, kind, key)
);
