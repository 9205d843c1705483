// How adapters (routes, pages, jobs) reach the database: they don't. They name a service and its
// options; the service gets the process's client here. Only src/server/services imports the
// Prisma client (architecture.test.ts checks it), so a route or page cannot query around a
// service's permission check.
import { getDb, type Database } from "@/server/db/client";
import { applyServiceResult, type ApplyOptions } from "@/server/services/apply-service-result";
import type { ServiceResult } from "@/server/services/service-result";

/** The database handle as adapters hold it when it is injected (server.ts), handed on to services. */
export type ServiceDatabase = Database;

type Service<I, R> = (db: Database, input: I) => Promise<R>;

/** Runs a service that only answers (a read, or a change without live effects). */
export function callService<I, R>(service: Service<I, R>, input: I): Promise<R> {
  return service(getDb(), input);
}

/** Publishes and drains what a service's committed change caused (apply-service-result.ts). */
export function applyResult<T>(result: ServiceResult<T>, options?: ApplyOptions): Promise<T> {
  return applyServiceResult(getDb(), result, options);
}

/** Runs a service that returns `{ data, events, drain }`, then publishes and drains after commit. */
export async function performService<I, T>(service: Service<I, ServiceResult<T>>, input: I, options?: ApplyOptions): Promise<T> {
  return applyResult(await callService(service, input), options);
}
