-- When a request's answer is due, from its type's answer deadline at the time it was accepted (a later change of
-- the deadline does not move it).
ALTER TABLE messages ADD COLUMN answer_due_at timestamptz;
