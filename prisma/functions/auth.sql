-- Fired by api_tokens_auth_changed and users_auth_changed (the triggers, on their tables, live in
-- the migrations); listened to by lib/server/auth/caller-cache.ts on the channel `concord_auth`.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- Whatever could end an API caller's access (a revoked or deleted token, a disabled, demoted,
-- renamed or deleted user) is announced, so every process drops the callers it cached.
CREATE OR REPLACE FUNCTION concord_notify_auth_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('concord_auth', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
