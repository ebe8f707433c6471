ALTER TABLE "yjs_snapshots" ADD COLUMN "mac" "bytea";--> statement-breakpoint
ALTER TABLE "yjs_updates" ADD COLUMN "mac" "bytea";--> statement-breakpoint
-- Issue 10 item 7: what the server recorded must not be rewritten by whoever can reach the tables.
-- security_events is append-only like yjs_updates and events (an intrusion's traces stay); a
-- snapshot is insert-only: compaction only ever adds one, and a doc never needs an old one rewritten
-- or removed, since the updates it summarises stay in yjs_updates. Same SQLSTATE SL001 as 0001.
-- The rows' `mac` (an HMAC under a key outside the database) is what catches an INSERT by hand.
CREATE TRIGGER "security_events_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "security_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
--> statement-breakpoint
CREATE TRIGGER "yjs_snapshots_insert_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "yjs_snapshots"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
