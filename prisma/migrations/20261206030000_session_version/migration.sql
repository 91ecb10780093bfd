-- Sessions are signed cookies that name their user's session version; signing out, changing or
-- resetting a password adds one, and every cookie naming an older version is refused from then on
-- (docs/decisions/010-sessions-and-sign-in.md).
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- Processes cache the callers they resolved (lib/server/auth/caller-cache.ts): a new session version
-- must reach them as a revoked token does.
DROP TRIGGER users_auth_changed ON users;
CREATE TRIGGER users_auth_changed
    AFTER UPDATE OF email, name, is_admin, disabled_at, session_version OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_auth_changed();
