-- The public response pages keep each open wave they served, with its city, in memory by link
-- (modules/surveys/response.service.ts), so the busiest path of the server reads only the response itself.
-- Whatever a page shows or decides from the wave (its link's code, dates, languages, instrument) or the city
-- (slug, name) is announced on `lco_survey_waves` with the city's id when it changes or goes, delivered on
-- commit; each server process forgets that city's waves (platform/db/notice-cache.ts).
-- The trigger's argument names the column of the changed row that holds the city's id.
CREATE FUNCTION announce_survey_waves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lco_survey_waves', to_jsonb(OLD) ->> TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER survey_waves_announce_change
  AFTER UPDATE OF code, opens_at, closes_at, languages, instrument, updated_at OR DELETE ON survey_waves
  FOR EACH ROW EXECUTE FUNCTION announce_survey_waves('city_id');
--> statement-breakpoint
CREATE TRIGGER cities_announce_survey_waves AFTER UPDATE OF slug, name OR DELETE ON cities
  FOR EACH ROW EXECUTE FUNCTION announce_survey_waves('id');
