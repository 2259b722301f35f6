-- The webhook outbox: one row per delivery (an order snapshot for one receiver), written in the transaction of the
-- order change it announces, claimed by dispatchers with FOR UPDATE SKIP LOCKED and a lease. Delivered rows are
-- deleted; dead-lettered ones stay for an operator to list and replay. It replaces the placeholder webhook_outbox of
-- 0001, which nothing ever wrote.
DROP TABLE IF EXISTS webhook_outbox;
CREATE TABLE webhook_deliveries (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    order_id text NOT NULL,
    order_version bigint NOT NULL,
    target text NOT NULL,
    registration_id text,
    ucp_agent text NOT NULL,
    body bytea NOT NULL,
    created_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dead_lettered')),
    last_error text,
    leased_until timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (next_attempt_at DESC) WHERE status = 'dead_lettered';
