-- stored responses are forgotten after a day (EventLog.IDEMPOTENCY_VALIDITY): find them by age
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
