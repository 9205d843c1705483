import { describe, expect, it } from "vitest";
import type { SessionDto } from "@/shared/dto";
import type { ConversationDetailsDto } from "./conversation-types";
import { applySessionChange } from "./use-conversation-details";

function session(id: string, state: SessionDto["state"], patch: Partial<SessionDto> = {}): SessionDto {
  return {
    id, conversationId: "c1", state, category: null, assigneeId: null, assigneeNickname: null, starred: false, rating: null, ratingComment: null,
    queuedAt: new Date(0).toISOString(), assignedAt: null, oldestUnansweredAt: null, lastBuyerMessageAt: null, closedAt: null, withBot: false, ...patch,
  };
}

function details(active: SessionDto | null, current: SessionDto | null, all: SessionDto[]): ConversationDetailsDto {
  return {
    conversation: { id: "c1", lastSeq: 1, buyerReadSeq: 0, shopReadSeq: 0, myReadSeq: 0 },
    buyer: { id: "b1", nickname: "mia", avatarUrl: null, isIdentified: false, externalId: null, isBlocked: false },
    activeSession: active,
    currentSession: current,
    context: { product: null, order: null },
    sessions: all.map((item) => ({ session: item, createdAt: item.queuedAt, assignments: [] })),
    permissions: { canAssignOther: true, canTransferAny: false, canSendCards: true, canUpload: true },
    translation: { available: false, override: "shop", on: false, buyerLanguage: null },
  };
}

describe("CONSOLE-6 the chat window follows session.changed", () => {
  it("a queued session taken by an agent becomes the open one", () => {
    const queued = session("s1", "queued");
    const next = applySessionChange(details(queued, queued, [queued]), session("s1", "open", { assigneeId: "m1", assigneeNickname: "Ava" }));
    expect(next.activeSession).toMatchObject({ state: "open", assigneeNickname: "Ava" });
    expect(next.currentSession?.state).toBe("open");
    expect(next.sessions).toHaveLength(1);
  });

  it("CHAT-7 ending leaves no active session and shows the ended one", () => {
    const open = session("s1", "open");
    const next = applySessionChange(details(open, open, [open]), session("s1", "ended"));
    expect(next.activeSession).toBeNull();
    expect(next.currentSession?.state).toBe("ended");
  });

  it("a buyer writing again opens a new session at the top of the history", () => {
    const ended = session("s1", "ended");
    const next = applySessionChange(details(null, ended, [ended]), session("s2", "queued"));
    expect(next.currentSession?.id).toBe("s2");
    expect(next.sessions.map((entry) => entry.session.id)).toEqual(["s2", "s1"]);
  });

  it("a late rating of an older session does not take the header back in time", () => {
    const older = session("s1", "ended");
    const latest = session("s2", "ended");
    const next = applySessionChange(details(null, latest, [latest, older]), session("s1", "ended", { rating: 5 }));
    expect(next.currentSession?.id).toBe("s2");
    expect(next.sessions.find((entry) => entry.session.id === "s1")?.session.rating).toBe(5);
  });
});
