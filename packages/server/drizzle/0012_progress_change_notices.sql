-- A city's progress is computed from its accepted values and its targets. Accepted values change only with a
-- cycle event (acceptance, reopening), so a new cycle event or a changed target is announced on the
-- `lco_progress` channel with the city's id, delivered on commit; each server process forgets the progress it
-- computed for that city (platform/db/notice-cache.ts).
CREATE FUNCTION progress_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lco_progress', COALESCE(NEW.city_id, OLD.city_id)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cycle_events_announce_progress AFTER INSERT ON cycle_events
  FOR EACH ROW EXECUTE FUNCTION progress_announce_change();
--> statement-breakpoint
CREATE TRIGGER targets_announce_progress AFTER INSERT OR UPDATE OR DELETE ON targets
  FOR EACH ROW EXECUTE FUNCTION progress_announce_change();
