-- WixUcp 0001: durable records. Orders are written now; the other tables are filled by later features
-- (app installs, webhook registrations, API keys, the webhook outbox). Secret columns hold envelope-encrypted bytes.

CREATE TABLE orders (
    tenant_id        text        NOT NULL,
    id               text        NOT NULL,
    checkout_id      text        NOT NULL,
    platform_profile text,
    created_at       timestamptz NOT NULL,
    version          bigint      NOT NULL,
    -- The order as UcpRecordSerializer writes it (the same bytes in every store), readable as JSON.
    record           json        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- One order per checkout: a retried completion finds the order it already wrote.
    UNIQUE (tenant_id, checkout_id)
);

CREATE TABLE app_instances (
    instance_id      text        PRIMARY KEY,
    access_token     bytea,
    token_expires_at timestamptz,
    site_id          text,
    installed_at     timestamptz NOT NULL,
    settings         jsonb       NOT NULL DEFAULT '{}'
);

CREATE TABLE webhook_registrations (
    id          text        PRIMARY KEY,
    instance_id text        NOT NULL,
    platform_id text        NOT NULL,
    webhook_url text        NOT NULL,
    events      text[]      NOT NULL,
    secret      bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX webhook_registrations_instance ON webhook_registrations (instance_id);

CREATE TABLE api_keys (
    key_hash     bytea       PRIMARY KEY,
    platform_id  text        NOT NULL,
    instance_id  text        NOT NULL,
    permissions  text[]      NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE webhook_outbox (
    id           bigserial   PRIMARY KEY,
    tenant_id    text        NOT NULL,
    event_type   text        NOT NULL,
    payload      json        NOT NULL,
    created_at   timestamptz NOT NULL,
    available_at timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    delivered_at timestamptz
);
CREATE INDEX webhook_outbox_pending ON webhook_outbox (available_at) WHERE delivered_at IS NULL;
