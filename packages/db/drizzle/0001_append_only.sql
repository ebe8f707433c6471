-- Append-only (ARCHITECTURE decision 5): an acknowledged Yjs update or register event is never
-- changed or removed, so the database itself refuses UPDATE, DELETE and TRUNCATE on yjs_updates
-- and events. Statement-level triggers fire even when no row matches, and also for the UPDATE arm
-- of INSERT … ON CONFLICT DO UPDATE: use ON CONFLICT DO NOTHING on these tables.
-- SQLSTATE SL001 lets callers tell this refusal from other errors.
CREATE FUNCTION "refuse_append_only_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'SL001';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "yjs_updates_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "yjs_updates"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
--> statement-breakpoint
CREATE TRIGGER "events_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
