-- Partial refunds (退费) of confirmed direct settlements: each refund's document and answer, each claim's
-- adjustment (what changed and what is owed back), and the order in which settlements added to each policy's
-- accumulators (so that a refund re-adjudicates on the accumulators as they were before its settlement).

CREATE SEQUENCE accumulator_delta_seq;
ALTER TABLE accumulator_deltas ADD COLUMN seq bigint NOT NULL DEFAULT nextval('accumulator_delta_seq');
CREATE INDEX accumulator_deltas_policy_seq ON accumulator_deltas (policy_no, seq) WHERE NOT reversed;

CREATE TABLE direct_settlement_refunds (
  setl_id         text        NOT NULL REFERENCES direct_settlements (setl_id),
  refund_id       text        NOT NULL,
  request_hash    text        NOT NULL,
  document_cipher text        NOT NULL,
  response        text        NOT NULL,
  refunded_at     timestamptz NOT NULL,
  -- the settlement's totals after this refund (the confirmation's own stay in direct_settlements)
  payout_total          numeric(16,2) NOT NULL,
  insurer_pays_hospital numeric(16,2) NOT NULL,
  patient_cash_due      numeric(16,2) NOT NULL,
  insurer_pays_patient  numeric(16,2) NOT NULL,
  PRIMARY KEY (setl_id, refund_id)
);

CREATE INDEX direct_settlement_refunds_at ON direct_settlement_refunds (refunded_at);

-- what a settlement's totals are now: its latest refund's, else its confirmation's
CREATE VIEW direct_settlement_totals AS
SELECT d.setl_id, d.fixmedins_code, d.state, d.confirmed_at, d.reversed_at,
       coalesce(r.payout_total, d.payout_total) AS payout_total,
       coalesce(r.insurer_pays_hospital, d.insurer_pays_hospital) AS insurer_pays_hospital,
       coalesce(r.patient_cash_due, d.patient_cash_due) AS patient_cash_due,
       coalesce(r.insurer_pays_patient, d.insurer_pays_patient) AS insurer_pays_patient
FROM direct_settlements d
LEFT JOIN LATERAL (SELECT * FROM direct_settlement_refunds x WHERE x.setl_id = d.setl_id
                   ORDER BY x.refunded_at DESC, x.refund_id DESC LIMIT 1) r ON true;

CREATE TABLE claim_adjustments (
  claim_id             text          NOT NULL REFERENCES claims (claim_id),
  refund_id            text          NOT NULL,
  adjusted_at          timestamptz   NOT NULL,
  payout_before        numeric(16,2) NOT NULL,
  pays_hospital_before numeric(16,2) NOT NULL,
  pays_patient_before  numeric(16,2) NOT NULL,
  payout               numeric(16,2) NOT NULL CHECK (payout >= 0),
  pays_hospital        numeric(16,2) NOT NULL CHECK (pays_hospital >= 0),
  pays_patient         numeric(16,2) NOT NULL CHECK (pays_patient >= 0),
  receivable_hospital  numeric(16,2) NOT NULL CHECK (receivable_hospital >= 0),
  receivable_patient   numeric(16,2) NOT NULL CHECK (receivable_patient >= 0),
  PRIMARY KEY (claim_id, refund_id),
  CHECK (pays_hospital + pays_patient = payout)
);
CREATE INDEX claim_adjustments_at ON claim_adjustments (adjusted_at);
