-- Core reference data of the benefit engine: plans, coverage lists, policies, their accumulators, and the
-- patients' consents. Amounts are numeric(16,2) and refuse anything not exact to the fen.

CREATE TABLE plan_versions (
  plan_id     text        NOT NULL,
  version     integer     NOT NULL CHECK (version > 0),
  insurer_id  text        NOT NULL,
  document    jsonb       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, version)
);

CREATE TABLE list_versions (
  list_id        text        NOT NULL,
  version        text        NOT NULL,
  insurer_id     text        NOT NULL,
  effective_from date        NOT NULL,
  effective_to   date,
  document       jsonb       NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list_id, version),
  CHECK (effective_to IS NULL OR effective_to > effective_from)
);

-- Bumped by every plan or list write, so that each gateway instance knows when its cached catalog is stale.
CREATE TABLE catalog_state (
  id      integer PRIMARY KEY CHECK (id = 1),
  version bigint  NOT NULL
);
INSERT INTO catalog_state VALUES (1, 0);

-- The insured person is found by person_key, a keyed SM3 HMAC of certificate type and number; the number itself
-- is stored only SM4-GCM encrypted (certno_cipher names its key id) and masked.
CREATE TABLE policies (
  policy_no              text        PRIMARY KEY,
  insurer_id             text        NOT NULL,
  plan_id                text        NOT NULL,
  person_key             text        NOT NULL,
  psn_cert_type          text        NOT NULL,
  certno_cipher          text        NOT NULL,
  certno_masked          text        NOT NULL,
  effective_from         date        NOT NULL,
  effective_to           date        NOT NULL,
  preexisting_conditions text[]      NOT NULL DEFAULT '{}',
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to > effective_from)
);
CREATE INDEX policies_person ON policies (person_key);
CREATE INDEX policies_insurer ON policies (insurer_id, policy_no);

-- One row per (policy, kind, key): deductible used per pool, paid per responsibility, paid in total (key '').
CREATE TABLE accumulators (
  policy_no text          NOT NULL REFERENCES policies (policy_no),
  kind      text          NOT NULL CHECK (kind IN ('deductible', 'paid', 'total')),
  key       text          NOT NULL,
  amount    numeric(16,2) NOT NULL CHECK (amount = round(amount, 2) AND amount >= 0),
  PRIMARY KEY (policy_no, kind, key)
);

CREATE TABLE consents (
  id          uuid        PRIMARY KEY,
  person_key  text        NOT NULL,
  insurer_id  text        NOT NULL,
  purposes    text[]      NOT NULL CHECK (cardinality(purposes) > 0),
  covers_from date        NOT NULL,
  expires_at  timestamptz NOT NULL,
  granted_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
CREATE INDEX consents_person_insurer ON consents (person_key, insurer_id);
