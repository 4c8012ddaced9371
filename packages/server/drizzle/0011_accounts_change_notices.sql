-- Every change that can end a session or change what a signed-in person may do is announced on the
-- `lco_accounts` channel with the person's id, delivered when the change commits. Each server process keeps
-- the sessions it resolved in memory and forgets a person's on such a notice, so a revocation takes effect on
-- every process at once. Triggers rather than application code, so no write path can forget to announce.
CREATE FUNCTION accounts_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('lco_accounts', COALESCE(NEW.id, OLD.id)::text);
  ELSE
    PERFORM pg_notify('lco_accounts', COALESCE(NEW.user_id, OLD.user_id)::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_announce_change AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION accounts_announce_change();
--> statement-breakpoint
CREATE TRIGGER role_grants_announce_change AFTER INSERT OR UPDATE OR DELETE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION accounts_announce_change();
--> statement-breakpoint
-- Not on every update of a session: the sliding idle expiry writes last_seen_at once a minute, and the
-- process that writes it updates its own memory.
CREATE TRIGGER sessions_announce_end AFTER UPDATE OF revoked_at, expires_at OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION accounts_announce_change();
