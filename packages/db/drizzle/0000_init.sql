CREATE TABLE "anomaly_projection" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"kind" text NOT NULL,
	"carrier_id" text,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "carrier_projection" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"serial" text NOT NULL,
	"doc_number" text NOT NULL,
	"copy_number" integer,
	"level" text NOT NULL,
	"period_years" integer NOT NULL,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"device" text NOT NULL,
	"at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"sig" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"account" text NOT NULL,
	"device_id" text NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_attempts_account_device_id_pk" PRIMARY KEY("account","device_id")
);
--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" text,
	"user_id" text,
	"device_id" text,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"device_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"last_sync_at" timestamp with time zone,
	CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('county', 'township'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"display_name" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_hash" text NOT NULL,
	"public_key" text NOT NULL,
	"wrapped_key" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yjs_snapshots" (
	"doc" text NOT NULL,
	"upto_seq" bigint NOT NULL,
	"state" "bytea" NOT NULL,
	"state_vector" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "yjs_snapshots_doc_upto_seq_pk" PRIMARY KEY("doc","upto_seq")
);
--> statement-breakpoint
CREATE TABLE "yjs_updates" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"doc" text NOT NULL,
	"update" "bytea" NOT NULL,
	"user_id" text,
	"device_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "anomaly_projection" ADD CONSTRAINT "anomaly_projection_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_projection" ADD CONSTRAINT "carrier_projection_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anomaly_projection_open_idx" ON "anomaly_projection" USING btree ("unit_id") WHERE "anomaly_projection"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "carrier_projection_unit_id_state_idx" ON "carrier_projection" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "carrier_projection_unit_id_level_idx" ON "carrier_projection" USING btree ("unit_id","level");--> statement-breakpoint
CREATE INDEX "carrier_projection_unit_id_due_at_idx" ON "carrier_projection" USING btree ("unit_id","due_at");--> statement-breakpoint
CREATE INDEX "events_unit_id_at_idx" ON "events" USING btree ("unit_id","at");--> statement-breakpoint
CREATE INDEX "security_events_unit_id_created_at_idx" ON "security_events" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_unit_id_idx" ON "users" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "yjs_updates_doc_seq_idx" ON "yjs_updates" USING btree ("doc","seq");