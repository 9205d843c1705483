import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../../../messages/en/chat.json";
import es from "../../../../messages/es/chat.json";
import { describeAssignment, type AssignmentTranslate } from "./assignment-text";
import type { AssignmentRecordDto } from "./conversation-types";

const base: AssignmentRecordDto = {
  id: "a1",
  kind: "auto",
  mode: "lowest_workload",
  detail: null,
  toNickname: "Ava",
  fromNickname: null,
  actorNickname: null,
  compared: null,
  createdAt: new Date(0).toISOString(),
};

const english = createTranslator({ locale: "en", messages: { chat: en }, namespace: "chat.assignment" }) as unknown as AssignmentTranslate;
const spanish = createTranslator({ locale: "es", messages: { chat: es }, namespace: "chat.assignment" }) as unknown as AssignmentTranslate;

describe("ASSIGN-8 the session history says who, when and why", () => {
  it.each<[string, Partial<AssignmentRecordDto>, { title: string; why: string | null }]>([
    [
      "auto, with the figures compared",
      { compared: [{ nickname: "Ava", openSessions: 1, maxCapacity: 10, assignedToday: 3 }, { nickname: "Ben", openSessions: 4, maxCapacity: 10, assignedToday: 1 }] },
      { title: "Assigned to Ava", why: "Auto, lowest workload: Ava at 1/10 vs Ben 4/10" },
    ],
    [
      "assign equally compares today's assignments",
      { mode: "assign_equally", compared: [{ nickname: "Ava", openSessions: 1, maxCapacity: 10, assignedToday: 3 }, { nickname: "Ben", openSessions: 0, maxCapacity: 20, assignedToday: 9 }] },
      { title: "Assigned to Ava", why: "Auto, assign equally: Ava at 3 today/10 vs Ben 9 today/20" },
    ],
    ["the only eligible member", { compared: [{ nickname: "Ava", openSessions: 0, maxCapacity: 200, assignedToday: 0 }] }, { title: "Assigned to Ava", why: "Auto, lowest workload: Ava was the only eligible member at 0/200" }],
    ["assign to me", { kind: "manual", mode: null, detail: { reason: "assign_to_me" }, actorNickname: "Ava" }, { title: "Ava took the chat", why: "Assign to me" }],
    ["assign to", { kind: "manual", mode: null, toNickname: "Ben", detail: { reason: "assign_to" }, actorNickname: "Adam" }, { title: "Assigned to Ben", why: "Manually, by Adam" }],
    [
      "transfer of all chats",
      { kind: "transfer", mode: null, toNickname: "Ben", fromNickname: "Ava", actorNickname: "Ava", detail: { scope: "all_mine" } },
      { title: "Transferred to Ben", why: "From Ava, by Ava (all ongoing chats)" },
    ],
    ["requeue on deactivation", { kind: "requeue", mode: null, toNickname: null, fromNickname: "Ben", detail: { reason: "member_deactivated" } }, { title: "Back to Unassigned", why: "Ben was deactivated" }],
  ])("%s", (_name, patch, expected) => {
    expect(describeAssignment({ ...base, ...patch }, english)).toEqual(expected);
  });

  it("NF-5: in Spanish, from the same record", () => {
    const record = { ...base, compared: [{ nickname: "Ava", openSessions: 1, maxCapacity: 10, assignedToday: 3 }, { nickname: "Ben", openSessions: 4, maxCapacity: 10, assignedToday: 1 }] };
    expect(describeAssignment(record, spanish)).toEqual({ title: "Asignado a Ava", why: "Automático, menor carga de trabajo: Ava con 1/10 frente a Ben 4/10" });
    expect(describeAssignment({ ...base, kind: "transfer", mode: null, toNickname: "Ben", fromNickname: null, actorNickname: "Ava", detail: null }, spanish))
      .toEqual({ title: "Transferido a Ben", why: "De un antiguo miembro, por Ava" });
  });
});
