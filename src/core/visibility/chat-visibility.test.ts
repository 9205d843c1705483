import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { belongsToList, listsFor } from "../console/list-membership";
import { canSeeConversation, canSeeSession, isInAudience, isListedFor, liveAudience, type SessionVisibilityFacts, type Viewer } from "./chat-visibility";

const ME = "m-me";
const OTHER = "m-other";
const agent: Viewer = { memberId: ME, canSeeAll: false };
const manager: Viewer = { memberId: ME, canSeeAll: true };

const members = fc.constantFrom(ME, OTHER, "m-third");
const arbitrarySession: fc.Arbitrary<SessionVisibilityFacts> = fc.record({
  state: fc.constantFrom("queued", "open", "ended", "expired"),
  assigneeId: fc.option(members, { nil: null }),
  handedOnBy: fc.array(fc.option(members, { nil: null }), { maxLength: 3 }),
});
const arbitraryViewer: fc.Arbitrary<Viewer> = fc.record({ memberId: members, canSeeAll: fc.boolean() });

describe("chat visibility: the one rule (CONSOLE-1, TEAM-5, issue 9)", () => {
  it.each([
    { session: { state: "queued", assigneeId: null, handedOnBy: [] }, agent: true },
    { session: { state: "open", assigneeId: ME, handedOnBy: [null] }, agent: true },
    { session: { state: "open", assigneeId: OTHER, handedOnBy: [null] }, agent: false },
    { session: { state: "open", assigneeId: OTHER, handedOnBy: [null, ME] }, agent: true },
    { session: { state: "queued", assigneeId: null, handedOnBy: [null, ME] }, agent: true },
    { session: { state: "ended", assigneeId: ME, handedOnBy: [null] }, agent: true },
    { session: { state: "ended", assigneeId: OTHER, handedOnBy: [null] }, agent: false },
    { session: { state: "expired", assigneeId: null, handedOnBy: [] }, agent: false },
  ] as Array<{ session: SessionVisibilityFacts; agent: boolean }>)("CONSOLE-1 $session.state held by $session.assigneeId, handed on by $session.handedOnBy: agent sees it = $agent", ({ session, agent: seen }) => {
    expect(canSeeSession(agent, session)).toBe(seen);
    expect(canSeeSession(manager, session)).toBe(true);
    expect(canSeeConversation(agent, [session])).toBe(seen);
  });

  it("TEAM-5 chat access management sees every conversation, even one without sessions", () => {
    expect(canSeeConversation(manager, [])).toBe(true);
    expect(canSeeConversation(agent, [])).toBe(false);
  });

  it("CONSOLE-1 a conversation is visible exactly when one of its sessions is", () => {
    fc.assert(fc.property(arbitraryViewer, fc.array(arbitrarySession, { maxLength: 4 }), (viewer, sessions) => {
      expect(canSeeConversation(viewer, sessions)).toBe(viewer.canSeeAll || sessions.some((session) => canSeeSession(viewer, session)));
    }));
  });

  it("CONSOLE-1 listed for the viewer exactly when the session is in one of the viewer's lists, and a listed session is visible", () => {
    fc.assert(fc.property(arbitraryViewer, arbitrarySession, (viewer, session) => {
      const inSomeList = listsFor(viewer).some((list) => belongsToList(session, list, viewer));
      expect(isListedFor(viewer, session)).toBe(inSomeList);
      if (inSomeList) expect(canSeeSession(viewer, session)).toBe(true);
    }));
  });

  it("CHAT-3 the live audience of a session is exactly the viewers it is listed for", () => {
    fc.assert(fc.property(arbitraryViewer, arbitrarySession, (viewer, session) => {
      expect(isInAudience(viewer, liveAudience(session))).toBe(isListedFor(viewer, session));
    }));
  });

  it("CONSOLE-1 handing a chat on keeps it visible to the one who handed it on", () => {
    fc.assert(fc.property(arbitraryViewer, arbitrarySession, (viewer, session) => {
      expect(canSeeSession(viewer, { ...session, handedOnBy: [...session.handedOnBy, viewer.memberId] })).toBe(true);
    }));
  });
});
