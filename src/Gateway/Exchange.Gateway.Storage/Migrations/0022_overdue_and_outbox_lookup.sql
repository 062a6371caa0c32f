-- A request whose delivery failed, was discarded or expired is owed no answer, so it is never overdue: the partial
-- indexes of requests awaiting an answer (0016) leave such requests out. Their predicate is word for word the one the
-- overdue queries use (OverdueRequests.AwaitingAnswerSql), or the planner cannot use them.
DROP INDEX messages_awaiting_answer;
DROP INDEX messages_awaiting_answer_by_time;
CREATE INDEX messages_awaiting_answer ON messages (recipient, answer_due_at)
    WHERE answer_due_at IS NOT NULL AND answered_at IS NULL AND current_status NOT IN ('failed', 'discarded', 'expired');
CREATE INDEX messages_awaiting_answer_by_time ON messages (accepted_at, message_id, answer_due_at)
    WHERE answer_due_at IS NOT NULL AND answered_at IS NULL AND current_status NOT IN ('failed', 'discarded', 'expired');

-- The console's inspection of a failed message counts its outbox rows by message id, and deleting or updating a
-- message's key checks the outbox's foreign key the same way: the outbox keeps its rows, so without this index
-- both read all of it.
CREATE INDEX outbox_by_message ON outbox (message_id);
