// Durable scheduled work on PostgreSQL (graphile-worker). Jobs are added inside the caller's
// transaction through graphile-worker's SQL API, so a job exists exactly when the change that
// needs it committed. A job key makes each session's expiry one job, replaced when rescheduled.
import type { Tx } from "@/server/services/messaging/append-message";

export const JOB_EXPIRE_SESSION = "expire_session";
export const JOB_SWEEP = "sweep";

/** CHAT-8: check this session for expiry at `runAt` (the job re-checks; replies move the clock). */
export async function scheduleSessionExpiry(tx: Tx, sessionId: string, runAt: Date): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      ${JOB_EXPIRE_SESSION}, json_build_object('sessionId', ${sessionId}::text),
      run_at := ${runAt}, job_key := ${`expire:${sessionId}`}, job_key_mode := 'replace', max_attempts := 10)`;
}
