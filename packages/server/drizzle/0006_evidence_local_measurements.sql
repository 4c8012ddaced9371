CREATE TABLE "evidence" (
	"city_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measurement_id" text,
	"breakdown" text,
	"kind" text NOT NULL,
	"url" text,
	"title" text,
	"file_name" text,
	"content_type" text,
	"size" bigint,
	"sha256" text,
	"storage_key" text,
	"scanner" text,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_city_id_year_id_pk" PRIMARY KEY("city_id","year","id"),
	CONSTRAINT "evidence_kind" CHECK (("evidence"."kind" = 'file' and "evidence"."storage_key" is not null and "evidence"."url" is null) or ("evidence"."kind" = 'link' and "evidence"."url" is not null and "evidence"."storage_key" is null))
);
--> statement-breakpoint
CREATE TABLE "local_measurements" (
	"city_id" uuid NOT NULL,
	"id" text NOT NULL,
	"names" jsonb NOT NULL,
	"definition" text NOT NULL,
	"unit" text NOT NULL,
	"polarity" text NOT NULL,
	"breakdowns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "local_measurements_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "local_measurements_id" CHECK ("local_measurements"."id" like 'local-%')
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_city_id_year_cycles_city_id_year_fk" FOREIGN KEY ("city_id","year") REFERENCES "public"."cycles"("city_id","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_measurements" ADD CONSTRAINT "local_measurements_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_measurements" ADD CONSTRAINT "local_measurements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;