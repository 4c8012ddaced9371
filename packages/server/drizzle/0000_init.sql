CREATE TABLE "catalogue_measurements" (
	"version" text NOT NULL,
	"id" text NOT NULL,
	"feature_code" text NOT NULL,
	"source" text NOT NULL,
	"unit" text NOT NULL,
	"polarity" text NOT NULL,
	CONSTRAINT "catalogue_measurements_version_id_pk" PRIMARY KEY("version","id")
);
--> statement-breakpoint
CREATE TABLE "cities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"country_iso2" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"population" integer,
	"population_year" integer,
	"location_source" text,
	"note" text,
	"fictional" boolean DEFAULT false NOT NULL,
	"membership_status" text NOT NULL,
	"member_since" integer,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "city_awards" (
	"city_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "city_awards_city_id_year_pk" PRIMARY KEY("city_id","year")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"iso2" text PRIMARY KEY NOT NULL,
	"iso3" text NOT NULL,
	"names" jsonb NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "countries_iso3_unique" UNIQUE("iso3")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cities" ADD CONSTRAINT "cities_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_awards" ADD CONSTRAINT "city_awards_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;