-- The version of each plan a direct settlement was confirmed under ({"plan id": version}, every policy that took
-- part, paying or not), so that a partial refund re-adjudicates under the same terms even after the insurer has
-- published a new version. NULL for settlements confirmed before this column: they fall back to the plans in force.
ALTER TABLE direct_settlements ADD COLUMN plan_versions jsonb;
