// CONSOLE-1: which list a session belongs in, for a given viewer. The server's SQL applies the
// same rule (src/server/services/console-lists/scope.ts); the browser uses this one to move an
// item out of a list the moment a session.changed event says it left (assigned, transferred,
// ended), before the refetch that follows confirms it.
import type { ConsoleList } from "./types";

export interface ListViewer {
  memberId: string;
  /** Granted session:view_all by the shop's chat access management (TEAM-5). */
  canSeeAll: boolean;
}

export interface ListedSession {
  state: "queued" | "open" | "ended" | "expired";
  assigneeId: string | null;
}

export function isClosedState(state: ListedSession["state"]): boolean {
  return state === "ended" || state === "expired";
}

export function belongsToList(session: ListedSession, list: ConsoleList, viewer: ListViewer): boolean {
  switch (list) {
    case "assigned":
      return session.state === "open" && session.assigneeId === viewer.memberId;
    case "unassigned":
      return session.state === "queued";
    case "all":
      return viewer.canSeeAll && (session.state === "queued" || session.state === "open");
    case "history":
      return isClosedState(session.state) && (viewer.canSeeAll || session.assigneeId === viewer.memberId);
  }
}

/** The lists a viewer has: All open only with chat access management. */
export function listsFor(viewer: Pick<ListViewer, "canSeeAll">): ConsoleList[] {
  return viewer.canSeeAll ? ["assigned", "unassigned", "all", "history"] : ["assigned", "unassigned", "history"];
}
