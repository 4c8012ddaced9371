CREATE TABLE "city_memberships" (
	"city_id" uuid PRIMARY KEY NOT NULL,
	"joined_at" timestamp with time zone,
	"application_id" uuid,
	"standing" text DEFAULT 'active' NOT NULL,
	"standing_changed_at" timestamp with time zone,
	"facts" jsonb,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_application_events" (
	"city_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reasons" text,
	CONSTRAINT "membership_application_events_city_id_application_id_id_pk" PRIMARY KEY("city_id","application_id","id")
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"city_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"state" text NOT NULL,
	"form" jsonb NOT NULL,
	"signature" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"endorsement_deadline" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"recommendation" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "membership_applications_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "membership_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"endorsement_days" integer NOT NULL,
	"quota_per_country" integer NOT NULL,
	"jury_recommendation" boolean NOT NULL,
	"expire_after_deadline" boolean NOT NULL,
	"reminder_days_before" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_report_reminders" (
	"city_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "membership_report_reminders_city_id_due_on_pk" PRIMARY KEY("city_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "membership_reports" (
	"city_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_year" integer NOT NULL,
	"narrative" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	CONSTRAINT "membership_reports_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "membership_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"report_period_years" integer DEFAULT 2 NOT NULL,
	"due_window_days" integer DEFAULT 90 NOT NULL,
	"grace_days" integer DEFAULT 180 NOT NULL,
	"inactive_after_missed" integer DEFAULT 2 NOT NULL,
	"reporting_baseline" date DEFAULT '2024-01-01' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "membership_standing_events" (
	"city_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"from_standing" text NOT NULL,
	"to_standing" text NOT NULL,
	"reason" text NOT NULL,
	"missed_reports" integer NOT NULL,
	CONSTRAINT "membership_standing_events_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "city_memberships" ADD CONSTRAINT "city_memberships_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_application_events" ADD CONSTRAINT "membership_application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_call_id_membership_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."membership_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_calls" ADD CONSTRAINT "membership_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_reports" ADD CONSTRAINT "membership_reports_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_reports" ADD CONSTRAINT "membership_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_settings" ADD CONSTRAINT "membership_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_standing_events" ADD CONSTRAINT "membership_standing_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_application_events_at" ON "membership_application_events" USING btree ("city_id","application_id","at");--> statement-breakpoint
CREATE INDEX "membership_applications_id" ON "membership_applications" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_applications_city_call" ON "membership_applications" USING btree ("city_id","call_id");--> statement-breakpoint
CREATE INDEX "membership_applications_call_state" ON "membership_applications" USING btree ("call_id","state");--> statement-breakpoint
CREATE INDEX "membership_reports_at" ON "membership_reports" USING btree ("city_id","submitted_at");