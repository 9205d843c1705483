// The SQL side of CONSOLE-1's visibility rule, in one place for lists, counts, search and access
// checks. The rule is src/core/visibility/chat-visibility.ts; visibleSessionSql and
// visibleConversationSql are its SQL form (tests/integration/chat-visibility.test.ts checks them
// against it on generated data), and the list predicates are src/core/console/list-membership.ts
// in SQL: queued sessions are everyone's (Unassigned); open and closed ones belong to their
// assignee, and to every role granted chat access management (session:view_all, TEAM-5).
import { Prisma } from "@/generated/prisma/client";
import { can } from "@/core/permissions";
import type { CategoryFilter, ConsoleList } from "@/core/console";
import { SESSION_STATES } from "@/core/session/state-machine";
import { isListedFor } from "@/core/visibility";
import { ACTIVE_STATE_LIST, CLOSED_STATE_LIST } from "@/server/services/sessions/state-guards";
import type { MemberContext } from "@/server/services/resolve-member";

export interface Viewer {
  shopId: string;
  memberId: string;
  canSeeAll: boolean;
}

export function toViewer(member: Pick<MemberContext, "shopId" | "memberId" | "role" | "chatAccessRoles">): Viewer {
  return { shopId: member.shopId, memberId: member.memberId, canSeeAll: can(member, "session:view_all") };
}

/** A Date as a `timestamp(3)` parameter. Prisma stores UTC without a zone; a zone in the text is ignored by the cast. */
export const timestampParam = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/** Milliseconds since the epoch of a timestamp column, as a JavaScript number. */
export const epochMs = (column: Prisma.Sql) => Prisma.sql`(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;

export const ACTIVE_STATES = ACTIVE_STATE_LIST;
export const CLOSED_STATES = CLOSED_STATE_LIST;

/** The states in which everyone sees a session (the rule's "queued"), derived from the rule. */
const SEEN_BY_EVERYONE = SESSION_STATES.filter((state) => isListedFor({ memberId: "", canSeeAll: false }, { state, assigneeId: null }));
const seenByEveryone = (state: Prisma.Sql) =>
  Prisma.sql`${state} IN (${Prisma.join(SEEN_BY_EVERYONE.map((value) => Prisma.sql`${value}::"SessionState"`))})`;

/** The sessions (row `alias`) every member sees whoever holds them: the rule's "queued". */
export function seenByEveryoneSql(alias: string): Prisma.Sql {
  return seenByEveryone(Prisma.sql`${Prisma.raw(alias)}.state`);
}

/**
 * canSeeSession in SQL, for the session row `alias`: listed for the viewer (queued, or held by
 * them now or when it closed) or handed on by them (an assignment from them).
 */
export function visibleSessionSql(viewer: Viewer, alias: string): Prisma.Sql {
  if (viewer.canSeeAll) return Prisma.sql`TRUE`;
  const s = Prisma.raw(alias);
  return Prisma.sql`(${listedSessionSql(viewer, alias)} OR EXISTS (
    SELECT 1 FROM "Assignment" va WHERE va."sessionId" = ${s}.id AND va."fromMemberId" = ${viewer.memberId}::uuid))`;
}

/** isListedFor in SQL, for the session row `alias`: in one of the viewer's lists. */
export function listedSessionSql(viewer: Viewer, alias: string): Prisma.Sql {
  if (viewer.canSeeAll) return Prisma.sql`TRUE`;
  const s = Prisma.raw(alias);
  return Prisma.sql`(${seenByEveryone(Prisma.sql`${s}.state`)} OR ${s}."assigneeId" = ${viewer.memberId}::uuid)`;
}

/** canSeeConversation in SQL, for the conversation id in `conversationColumn`. */
export function visibleConversationSql(viewer: Viewer, conversationColumn: Prisma.Sql): Prisma.Sql {
  if (viewer.canSeeAll) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ChatSession" vs WHERE vs."conversationId" = ${conversationColumn} AND ${visibleSessionSql(viewer, "vs")})`;
}

/** Sessions (alias s) in one list for this viewer. All open needs view_all; callers check first. */
export function listPredicate(list: ConsoleList, viewer: Viewer): Prisma.Sql {
  switch (list) {
    case "assigned":
      return Prisma.sql`s.state = 'open' AND s."assigneeId" = ${viewer.memberId}::uuid`;
    case "unassigned":
      return Prisma.sql`s.state = 'queued'`;
    case "all":
      return viewer.canSeeAll ? Prisma.sql`s.state IN ${ACTIVE_STATES}` : Prisma.sql`FALSE`;
    case "history":
      return viewer.canSeeAll
        ? Prisma.sql`s.state IN ${CLOSED_STATES}`
        : Prisma.sql`s.state IN ${CLOSED_STATES} AND s."assigneeId" = ${viewer.memberId}::uuid`;
  }
}

/** Every queued or open session (alias s) the viewer may see: the scope of the live counts. */
export function activeScopePredicate(viewer: Viewer): Prisma.Sql {
  return viewer.canSeeAll
    ? Prisma.sql`s.state IN ${ACTIVE_STATES}`
    : Prisma.sql`(s.state = 'queued' OR (s.state = 'open' AND s."assigneeId" = ${viewer.memberId}::uuid))`;
}

/**
 * slaClockStart (src/core/sla/sla.ts) in SQL, for the session row `alias`: when the people's
 * reply clock started. NULL while the chatbot holds the session; after a hand-over, never before
 * it (bot time is not the people's reply time, AUTO-5). Every SLA band, the "unreplied" status,
 * the waiting time and its sort read this, never the raw column.
 */
export function slaClockSql(alias: string): Prisma.Sql {
  const s = Prisma.raw(alias);
  return Prisma.sql`(CASE WHEN ${s}."botActive" OR ${s}."oldestUnansweredAt" IS NULL THEN NULL
    WHEN ${s}."handedOverAt" > ${s}."oldestUnansweredAt" THEN ${s}."handedOverAt"
    ELSE ${s}."oldestUnansweredAt" END)`;
}

export function categoryPredicate(category: CategoryFilter): Prisma.Sql {
  return category === "all" ? Prisma.sql`TRUE` : Prisma.sql`s.category = ${category}::"SessionCategory"`;
}

/**
 * The viewer's read position in the session's (alias s) conversation, as alias r. A join rather
 * than a per-row subquery, so that the planner can hash the member's few read rows (an admin
 * reads a fraction of the shop's chats) or probe the primary key (an agent's own chats).
 */
export function readPositionJoin(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "ConversationRead" r ON r."memberId" = ${viewer.memberId}::uuid AND r."conversationId" = s."conversationId"`;
}

/**
 * CHAT-4 "new message" dot: a buyer message after the read position (alias r, from
 * readPositionJoin) in the session's (alias s) conversation. Without a read position every
 * buyer message is new, and a session with a buyer message has one: no lookup needed (an admin
 * has opened few of the shop's chats). Otherwise one index-only probe on
 * Message(conversationId, authorType, seq).
 */
export const UNREAD_AFTER_READ_POSITION = Prisma.sql`(CASE
    WHEN r."lastReadSeq" IS NULL AND s."lastBuyerMessageAt" IS NOT NULL THEN TRUE
    ELSE EXISTS (
      SELECT 1 FROM "Message" um
      WHERE um."conversationId" = s."conversationId" AND um."authorType" = 'buyer' AND um.seq > COALESCE(r."lastReadSeq", 0))
    END)`;
