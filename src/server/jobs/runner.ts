// The durable job runner (graphile-worker on PostgreSQL). Every node runs one; a job runs once
// across all of them (graphile-worker claims with SKIP LOCKED), survives restarts, and retries.
//   expire_session: CHAT-8, scheduled per session at the moment its clock would pass 7 days.
//   sweep (every minute, one node): expires anything a lost job missed and drains every shop
//     with queued sessions (the slow safety net beside the event-driven drain, ASSIGN-4).
//   delete_unsent_uploads (hourly): uploads no sent message uses, a day after upload (issue 15).
//   prune_outbox (hourly): the outbox's retention, expired links and password-reset tokens (MAIL-1).
import { Logger, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import { JOB_DELETE_UNSENT_UPLOADS, JOB_EXPIRE_SESSION, JOB_PRUNE_OUTBOX, JOB_SWEEP } from "@/server/jobs/schedule";
import { applyServiceResult } from "@/server/services/apply-service-result";
import type { RoutingContext } from "@/server/services/assignment/routing-context";
import type { ServiceDatabase as Database } from "@/server/services/call-service";
import { deleteStaleResetTokens } from "@/server/services/accounts/reset-password";
import { pruneOutbox } from "@/server/services/mail/prune-outbox";
import { expireDueSession, sweepSessions } from "@/server/services/sessions/sweep-sessions";
import { deleteUnsentUploads } from "@/server/services/uploads/delete-unsent-uploads";
import { getUploadStorage } from "@/server/services/uploads/storage";

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});

export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
}

export function buildTaskList(db: Database, routing: RoutingContext): TaskList {
  return {
    [JOB_EXPIRE_SESSION]: async (payload) => {
      const sessionId = (payload as { sessionId?: unknown })?.sessionId;
      if (typeof sessionId !== "string") return;
      await applyServiceResult(db, await expireDueSession(db, { sessionId, now: routing.now() }), { routing });
    },
    [JOB_SWEEP]: async () => {
      await sweep(db, routing);
    },
    [JOB_DELETE_UNSENT_UPLOADS]: async () => {
      await deleteUnsentUploads(db, { storage: getUploadStorage(), now: routing.now() });
    },
    [JOB_PRUNE_OUTBOX]: async () => {
      await pruneOutbox(db, { now: routing.now() });
      await deleteStaleResetTokens(db, { now: routing.now() });
    },
  };
}

/** Expires what is due and drains every shop that has a queue. Idempotent; safe on any node. */
export async function sweep(db: Database, routing: RoutingContext): Promise<{ expired: number; shopsDrained: number }> {
  return applyServiceResult(db, await sweepSessions(db, { now: routing.now() }), { routing });
}

export async function startJobRunner(input: { databaseUrl: string; db: Database; routing: RoutingContext }): Promise<Runner> {
  return run({
    connectionString: input.databaseUrl,
    concurrency: 4,
    pollInterval: 1_000,
    noHandleSignals: true,
    logger: quietLogger,
    taskList: buildTaskList(input.db, input.routing),
    crontab: [
      `* * * * * ${JOB_SWEEP} ?max=1&jobKey=sweep`,
      `17 * * * * ${JOB_DELETE_UNSENT_UPLOADS} ?max=1&jobKey=${JOB_DELETE_UNSENT_UPLOADS}`,
      `41 * * * * ${JOB_PRUNE_OUTBOX} ?max=1&jobKey=${JOB_PRUNE_OUTBOX}`,
    ].join("\n"),
  });
}
