CREATE TABLE "replay_links" (
	"token_hash" text NOT NULL,
	"session_id" text NOT NULL,
	"hide_names" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "replay_links" ADD CONSTRAINT "replay_links_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "replay_links_token_idx" ON "replay_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "replay_links_session_idx" ON "replay_links" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "events_marks_idx" ON "events" USING btree ("session_id","seq") WHERE "events"."type" in ('session.ended', 'student.joined', 'lesson.step', 'quiz.launched', 'quiz.closed', 'quiz.revealed');