-- An insurer whose endpoint failed every delivery of a poll is not polled again before retry_at, the earliest next
-- attempt of those events (docs/DECISIONS.md, Proactive claims and webhooks). Without it each poll, every 500 ms on
-- every instance, read all the events waiting behind the failed ones, a backlog that grows for as long as the
-- endpoint is down. A delivery that succeeds, a new URL and a replay clear it.
ALTER TABLE webhooks ADD COLUMN retry_at timestamptz;
