CREATE TABLE "expert_conflicts" (
	"city_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expert_conflicts_city_id_user_id_pk" PRIMARY KEY("city_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"country_iso2" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "narratives" (
	"city_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"measurement_id" text NOT NULL,
	"text" text NOT NULL,
	"lang" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "narratives_city_id_year_measurement_id_pk" PRIMARY KEY("city_id","year","measurement_id")
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"city_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"reminded_for" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "review_assignments_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_consolidations" (
	"city_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"measurement_id" text NOT NULL,
	"value" numeric,
	"reviewers" integer NOT NULL,
	"alpha" numeric,
	"consolidated_at" timestamp with time zone NOT NULL,
	"consolidated_by" uuid,
	CONSTRAINT "review_consolidations_city_id_round_id_measurement_id_pk" PRIMARY KEY("city_id","round_id","measurement_id")
);
--> statement-breakpoint
CREATE TABLE "review_flags" (
	"city_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"measurement_id" text NOT NULL,
	"state" text NOT NULL,
	"spread" integer NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"comment" text,
	CONSTRAINT "review_flags_city_id_round_id_measurement_id_pk" PRIMARY KEY("city_id","round_id","measurement_id")
);
--> statement-breakpoint
CREATE TABLE "review_ratings" (
	"city_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"measurement_id" text NOT NULL,
	"version" integer NOT NULL,
	"value" smallint,
	"rationale" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "review_ratings_city_id_assignment_id_measurement_id_version_pk" PRIMARY KEY("city_id","assignment_id","measurement_id","version"),
	CONSTRAINT "review_ratings_value" CHECK ("review_ratings"."value" is null or "review_ratings"."value" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "review_round_cycles" (
	"city_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" uuid,
	"consolidated_at" timestamp with time zone,
	"consolidated_by" uuid,
	CONSTRAINT "review_round_cycles_city_id_round_id_pk" PRIMARY KEY("city_id","round_id")
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"reminder_days_before" integer NOT NULL,
	"alpha_level" text NOT NULL,
	"consolidation_rule" text NOT NULL,
	"min_reviewers" integer NOT NULL,
	"rubric_versions" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"measurement_id" text NOT NULL,
	"version" integer NOT NULL,
	"framework_version" text NOT NULL,
	"levels" jsonb NOT NULL,
	"source" text NOT NULL,
	"seed_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "rubrics_measurement_id_version_pk" PRIMARY KEY("measurement_id","version")
);
--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "provenance_detail" jsonb;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narratives" ADD CONSTRAINT "narratives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narratives" ADD CONSTRAINT "narratives_city_id_year_cycles_city_id_year_fk" FOREIGN KEY ("city_id","year") REFERENCES "public"."cycles"("city_id","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_city_id_round_id_review_round_cycles_city_id_round_id_fk" FOREIGN KEY ("city_id","round_id") REFERENCES "public"."review_round_cycles"("city_id","round_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_consolidations" ADD CONSTRAINT "review_consolidations_consolidated_by_users_id_fk" FOREIGN KEY ("consolidated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_consolidations" ADD CONSTRAINT "review_consolidations_city_id_round_id_review_round_cycles_city_id_round_id_fk" FOREIGN KEY ("city_id","round_id") REFERENCES "public"."review_round_cycles"("city_id","round_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_flags" ADD CONSTRAINT "review_flags_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_flags" ADD CONSTRAINT "review_flags_city_id_round_id_review_round_cycles_city_id_round_id_fk" FOREIGN KEY ("city_id","round_id") REFERENCES "public"."review_round_cycles"("city_id","round_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_ratings" ADD CONSTRAINT "review_ratings_city_id_assignment_id_review_assignments_city_id_id_fk" FOREIGN KEY ("city_id","assignment_id") REFERENCES "public"."review_assignments"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_cycles" ADD CONSTRAINT "review_round_cycles_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_cycles" ADD CONSTRAINT "review_round_cycles_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_cycles" ADD CONSTRAINT "review_round_cycles_consolidated_by_users_id_fk" FOREIGN KEY ("consolidated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_cycles" ADD CONSTRAINT "review_round_cycles_city_id_year_cycles_city_id_year_fk" FOREIGN KEY ("city_id","year") REFERENCES "public"."cycles"("city_id","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_conflicts_user" ON "expert_conflicts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_reviewer_unique" ON "review_assignments" USING btree ("city_id","round_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_assignments_id" ON "review_assignments" USING btree ("id");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer" ON "review_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "review_assignments_round" ON "review_assignments" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "review_round_cycles_round" ON "review_round_cycles" USING btree ("round_id");--> statement-breakpoint
-- A submitted rating is a record: revisions during reconciliation are new versions, never edits of it.
CREATE FUNCTION review_ratings_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'review_ratings: a submitted rating cannot change (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER review_ratings_submitted_locked BEFORE UPDATE OR DELETE ON review_ratings
  FOR EACH ROW WHEN (OLD.submitted_at IS NOT NULL) EXECUTE FUNCTION review_ratings_refuse_change();
