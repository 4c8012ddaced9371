CREATE TABLE "cycle_events" (
	"city_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"from_state" text,
	"to_state" text NOT NULL,
	"comment" text,
	CONSTRAINT "cycle_events_city_id_year_id_pk" PRIMARY KEY("city_id","year","id")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"city_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_city_id_year_pk" PRIMARY KEY("city_id","year")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"city_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"measurement_id" text NOT NULL,
	"breakdown" text NOT NULL,
	"value" numeric NOT NULL,
	"unit" text NOT NULL,
	"source_detail" text NOT NULL,
	"note" text,
	"provenance" text NOT NULL,
	"election_year" integer,
	"warnings_confirmed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "observations_city_id_year_measurement_id_breakdown_pk" PRIMARY KEY("city_id","year","measurement_id","breakdown")
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"city_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measurement_id" text,
	"comment" text NOT NULL,
	"author_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_comments_city_id_year_id_pk" PRIMARY KEY("city_id","year","id")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"city_id" uuid NOT NULL,
	"measurement_id" text NOT NULL,
	"breakdown" text NOT NULL,
	"target_value" numeric NOT NULL,
	"target_year" integer NOT NULL,
	"baseline_value" numeric,
	"baseline_year" integer,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "targets_city_id_measurement_id_breakdown_pk" PRIMARY KEY("city_id","measurement_id","breakdown")
);
--> statement-breakpoint
ALTER TABLE "cycle_events" ADD CONSTRAINT "cycle_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_events_at" ON "cycle_events" USING btree ("city_id","year","at");