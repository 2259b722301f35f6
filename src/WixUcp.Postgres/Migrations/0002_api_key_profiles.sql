-- API keys get a public handle (for listing and revoking without the key) and the platform profiles they may present.
ALTER TABLE api_keys ADD COLUMN key_id text;
UPDATE api_keys SET key_id = 'key_' || substr(encode(key_hash, 'hex'), 1, 16) WHERE key_id IS NULL;
ALTER TABLE api_keys ALTER COLUMN key_id SET NOT NULL;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_key_id_key UNIQUE (key_id);
ALTER TABLE api_keys ADD COLUMN profile_urls text[] NOT NULL DEFAULT '{}';
CREATE INDEX api_keys_created_at ON api_keys (created_at DESC);
