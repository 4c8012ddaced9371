-- Progress responses are kept by the slug they were asked for (modules/monitoring/progress.service.ts), so a
-- city whose slug changes or which is removed is announced on `lco_progress` with its id, like a cycle event
-- or a target (migration 0012): no process may go on answering for a slug that no longer names that city.
CREATE FUNCTION city_announce_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lco_progress', OLD.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cities_announce_progress AFTER UPDATE OF slug OR DELETE ON cities
  FOR EACH ROW EXECUTE FUNCTION city_announce_progress();
