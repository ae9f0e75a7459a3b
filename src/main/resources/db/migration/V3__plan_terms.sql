-- Real plan terms (issue "Hui Min Bao terms"): sub-limit and per-admission accumulators, counted codes, and the
-- policy's edition, own deductibles and claim-free years.

ALTER TABLE accumulators DROP CONSTRAINT accumulators_kind_check;
ALTER TABLE accumulators ADD CONSTRAINT accumulators_kind_check
  CHECK (kind IN ('deductible', 'paid', 'total', 'limit', 'count'));
ALTER TABLE accumulator_deltas DROP CONSTRAINT accumulator_deltas_kind_check;
ALTER TABLE accumulator_deltas ADD CONSTRAINT accumulator_deltas_kind_check
  CHECK (kind IN ('deductible', 'paid', 'total', 'limit', 'count'));
-- A count is a whole number of lines.
ALTER TABLE accumulators ADD CONSTRAINT accumulators_count_whole CHECK (kind <> 'count' OR amount = trunc(amount));

ALTER TABLE policies ADD COLUMN edition text;
ALTER TABLE policies ADD COLUMN deductibles jsonb NOT NULL DEFAULT '{}';
ALTER TABLE policies ADD COLUMN claim_free_years integer CHECK (claim_free_years >= 0);
