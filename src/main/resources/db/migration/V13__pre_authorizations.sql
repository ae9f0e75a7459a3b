-- Pre-authorizations (特药申请): applications for specialty drugs under a policy, decided by its insurer, and the
-- purchases that consumed them. Purchases by designated pharmacies (PHARMACY) and invoice claims (INVOICE) are
-- settlements of their own sources; invoice claims are claims of their own channel.

CREATE TABLE pre_authorizations (
  id                 uuid          PRIMARY KEY,
  approval_no        text          UNIQUE,
  insurer_id         text          NOT NULL,
  policy_no          text          NOT NULL REFERENCES policies (policy_no),
  person_key         text          NOT NULL,
  drug_code          text,
  generic_name       text,
  quantity_requested numeric(12,4) NOT NULL CHECK (quantity_requested > 0),
  days_supply        integer       NOT NULL CHECK (days_supply > 0),
  diagnosis          text,
  prescriber         text,
  documents          text          NOT NULL,
  requested_by       text          NOT NULL,
  state              text          NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'DENIED', 'WITHDRAWN')),
  quantity_approved  numeric(12,4),
  quantity_used      numeric(12,4) NOT NULL DEFAULT 0,
  valid_from         date,
  valid_to           date,
  reason             text,
  requested_at       timestamptz   NOT NULL,
  decided_at         timestamptz,
  CHECK (drug_code IS NOT NULL OR generic_name IS NOT NULL),
  CHECK ((state = 'APPROVED') <= (approval_no IS NOT NULL AND quantity_approved IS NOT NULL AND valid_to IS NOT NULL)),
  CHECK (quantity_used >= 0 AND (quantity_approved IS NULL OR quantity_used <= quantity_approved))
);
CREATE INDEX pre_authorizations_insurer ON pre_authorizations (insurer_id, state, requested_at);
CREATE INDEX pre_authorizations_person ON pre_authorizations (person_key, requested_at);

-- One row per fee line that used an authorization: what a reversal gives back.
CREATE TABLE pre_authorization_uses (
  pre_authorization_id uuid          NOT NULL REFERENCES pre_authorizations (id),
  setl_id              text          NOT NULL REFERENCES settlements (setl_id),
  feedetl_sn           text          NOT NULL,
  quantity             numeric(12,4) NOT NULL CHECK (quantity > 0),
  reversed             boolean       NOT NULL DEFAULT false,
  used_at              timestamptz   NOT NULL,
  PRIMARY KEY (setl_id, feedetl_sn)
);
CREATE INDEX pre_authorization_uses_of ON pre_authorization_uses (pre_authorization_id);

ALTER TABLE settlements DROP CONSTRAINT settlements_source_check;
ALTER TABLE settlements ADD CONSTRAINT settlements_source_check
  CHECK (source IN ('HOSPITAL', 'PHARMACY', 'DATA_FEED', 'INVOICE'));
ALTER TABLE claims DROP CONSTRAINT claims_channel_check;
ALTER TABLE claims ADD CONSTRAINT claims_channel_check
  CHECK (channel IN ('DIRECT_SETTLEMENT', 'QUICK_CLAIM', 'PROACTIVE_CLAIM', 'INVOICE_CLAIM'));
ALTER TABLE accumulator_deltas DROP CONSTRAINT accumulator_deltas_channel_check;
ALTER TABLE accumulator_deltas ADD CONSTRAINT accumulator_deltas_channel_check
  CHECK (channel IN ('DIRECT_SETTLEMENT', 'QUICK_CLAIM', 'PROACTIVE_CLAIM', 'INVOICE_CLAIM'));
