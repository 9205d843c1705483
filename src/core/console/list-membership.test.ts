import { describe, expect, it } from "vitest";
import { belongsToList, listsFor, type ListedSession } from "./list-membership";
import type { ConsoleList } from "./types";

const ME = "member-me";
const OTHER = "member-other";
const agent = { memberId: ME, canSeeAll: false };
const manager = { memberId: ME, canSeeAll: true };

describe("CONSOLE-1 list membership", () => {
  const cases: Array<{ session: ListedSession; agentLists: ConsoleList[]; managerLists: ConsoleList[] }> = [
    { session: { state: "queued", assigneeId: null }, agentLists: ["unassigned"], managerLists: ["unassigned", "all"] },
    { session: { state: "open", assigneeId: ME }, agentLists: ["assigned"], managerLists: ["assigned", "all"] },
    { session: { state: "open", assigneeId: OTHER }, agentLists: [], managerLists: ["all"] },
    { session: { state: "ended", assigneeId: ME }, agentLists: ["history"], managerLists: ["history"] },
    { session: { state: "expired", assigneeId: OTHER }, agentLists: [], managerLists: ["history"] },
    { session: { state: "ended", assigneeId: null }, agentLists: [], managerLists: ["history"] },
  ];
  it.each(cases)("$session.state held by $session.assigneeId", ({ session, agentLists, managerLists }) => {
    const lists: ConsoleList[] = ["assigned", "unassigned", "all", "history"];
    expect(lists.filter((list) => belongsToList(session, list, agent))).toEqual(agentLists);
    expect(lists.filter((list) => belongsToList(session, list, manager))).toEqual(managerLists);
  });

  it("offers All open only with chat access management", () => {
    expect(listsFor({ canSeeAll: false })).toEqual(["assigned", "unassigned", "history"]);
    expect(listsFor({ canSeeAll: true })).toEqual(["assigned", "unassigned", "all", "history"]);
  });
});
