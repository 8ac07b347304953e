-- A mail that could not be parsed at all has no primary intent (Decision.primary_intent is null,
-- queue SECURITY_QUARANTINE). NOT NULL here stopped the JDBC sink at the first such decision.
ALTER TABLE ieim_review.decision_projection ALTER COLUMN primary_intent DROP NOT NULL;
