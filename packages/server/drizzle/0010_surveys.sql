CREATE TABLE "survey_responses" (
	"city_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"answers" jsonb NOT NULL,
	"page" integer DEFAULT 1 NOT NULL,
	"lang" text NOT NULL,
	"source" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "survey_responses_city_id_wave_id_token_hash_pk" PRIMARY KEY("city_id","wave_id","token_hash"),
	CONSTRAINT "survey_responses_source" CHECK ("survey_responses"."source" in ('web', 'import'))
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"city_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"instrument" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"languages" jsonb NOT NULL,
	"margins" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_waves_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "survey_waves_dates" CHECK ("survey_waves"."opens_at" < "survey_waves"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"city_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"design" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surveys_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "surveys_kind" CHECK ("surveys"."kind" in ('citizen', 'learner', 'educator'))
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_city_id_wave_id_survey_waves_city_id_id_fk" FOREIGN KEY ("city_id","wave_id") REFERENCES "public"."survey_waves"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_city_id_survey_id_surveys_city_id_id_fk" FOREIGN KEY ("city_id","survey_id") REFERENCES "public"."surveys"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_submitted" ON "survey_responses" USING btree ("city_id","wave_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_waves_code" ON "survey_waves" USING btree ("city_id","code");