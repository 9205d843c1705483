// Durable scheduled work on PostgreSQL (graphile-worker). Jobs are added in the same statement
// as the change that needs them, through graphile-worker's SQL API (`graphile_worker.add_job`,
// see APPEND_BUYER_MESSAGES_SQL), so a job exists exactly when that change committed. A job key
// makes each session's expiry one job, replaced when rescheduled.

export const JOB_EXPIRE_SESSION = "expire_session";
export const JOB_SWEEP = "sweep";
/** Issue 15: hourly, deletes uploads no sent message uses a day after upload (delete-unsent-uploads.ts). */
export const JOB_DELETE_UNSENT_UPLOADS = "delete_unsent_uploads";
/** MAIL-1: hourly, bounds the outbox and forgets expired links and reset tokens (prune-outbox.ts). */
export const JOB_PRUNE_OUTBOX = "prune_outbox";
