CREATE TABLE "award_application_events" (
	"city_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reasons" text,
	CONSTRAINT "award_application_events_city_id_application_id_id_pk" PRIMARY KEY("city_id","application_id","id")
);
--> statement-breakpoint
CREATE TABLE "award_applications" (
	"city_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"state" text NOT NULL,
	"report" jsonb NOT NULL,
	"consent_form" jsonb,
	"monitoring" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_applications_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "award_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"nominations_close_at" timestamp with time zone NOT NULL,
	"rules" jsonb NOT NULL,
	"state" text NOT NULL,
	"jury_opened_at" timestamp with time zone,
	"jury_closed_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_scores" (
	"city_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"score" smallint NOT NULL,
	"rationale" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_scores_city_id_application_id_reviewer_id_criterion_pk" PRIMARY KEY("city_id","application_id","reviewer_id","criterion")
);
--> statement-breakpoint
CREATE TABLE "award_votes" (
	"city_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"juror_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"vote" text NOT NULL,
	"cast_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_votes_city_id_application_id_juror_id_pk" PRIMARY KEY("city_id","application_id","juror_id")
);
--> statement-breakpoint
ALTER TABLE "award_application_events" ADD CONSTRAINT "award_application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_applications" ADD CONSTRAINT "award_applications_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_applications" ADD CONSTRAINT "award_applications_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_applications" ADD CONSTRAINT "award_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_cycles" ADD CONSTRAINT "award_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_scores" ADD CONSTRAINT "award_scores_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_votes" ADD CONSTRAINT "award_votes_juror_id_users_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_votes" ADD CONSTRAINT "award_votes_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_application_events_at" ON "award_application_events" USING btree ("city_id","application_id","at");--> statement-breakpoint
CREATE INDEX "award_applications_id" ON "award_applications" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_applications_city_cycle" ON "award_applications" USING btree ("city_id","cycle_id");--> statement-breakpoint
CREATE INDEX "award_applications_cycle_state" ON "award_applications" USING btree ("cycle_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "award_cycles_year" ON "award_cycles" USING btree ("year");--> statement-breakpoint
CREATE INDEX "award_votes_cycle" ON "award_votes" USING btree ("cycle_id","juror_id");