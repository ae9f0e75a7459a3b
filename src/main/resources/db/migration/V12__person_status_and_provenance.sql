-- The person's status on a policy, fixed at enrolment (沪惠保: pre-existing status is a property of the person), and
-- the deductible tier's count under its right name: consecutive editions held, this one included, with nothing paid
-- in the earlier ones (the number is unchanged; it was called claim_free_years).
ALTER TABLE policies RENAME COLUMN claim_free_years TO claim_free_editions;
ALTER TABLE policies ADD COLUMN preexisting boolean;

-- Where a stored settlement came from, so that a clearing dispute can name the platform transaction.
ALTER TABLE settlements ADD COLUMN infno text;
ALTER TABLE settlements ADD COLUMN msgid text;
ALTER TABLE settlements ADD COLUMN medins_setl_id text;
ALTER TABLE settlements ADD COLUMN clr_optins text;
ALTER TABLE settlements ADD COLUMN message_kind text NOT NULL DEFAULT 'FLAT';
