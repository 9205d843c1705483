// The SQL and Prisma forms of the transition table's guards (issue 9): a write that moves a
// session by `event` only touches rows in a state `event` may leave. Built from statesAllowing,
// never written by hand; state-guards.test.ts ties each one to the table.
import { Prisma } from "@/generated/prisma/client";
import type { SessionState as DbSessionState } from "@/generated/prisma/enums";
import { SESSION_STATES, isActiveState, isClosedState, statesAllowing, type SessionEvent, type SessionState } from "@/core/session/state-machine";

/** `state IN (...)` for a Prisma `where`. */
export function stateWhere(event: SessionEvent): { in: DbSessionState[] } {
  return { in: statesAllowing(event) };
}

function stateList(states: SessionState[]): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(states.map((state) => Prisma.sql`${state}::"SessionState"`))})`;
}

/** `<column> IN (...)` in raw SQL, for the states `event` may leave. */
export function stateGuardSql(event: SessionEvent, column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${column} IN ${stateList(statesAllowing(event))}`;
}

export const ACTIVE_STATE_LIST: Prisma.Sql = stateList(SESSION_STATES.filter(isActiveState));
export const CLOSED_STATE_LIST: Prisma.Sql = stateList(SESSION_STATES.filter(isClosedState));
export const activeStateWhere = (): { in: DbSessionState[] } => ({ in: SESSION_STATES.filter(isActiveState) });
