import { describe, expect, it } from "vitest";
import { assignmentNoteText, FIXED_NOTE_TEXT, systemNotePhrase, transferNoteOf, type AssignmentNote } from "./system-note";

const ava = { memberId: "ava", nickname: "Ava" };
const ben = { memberId: "ben", nickname: "Ben" };
const olivia = { memberId: "olivia", nickname: "Olivia" };

describe("system notes (CHAT-2, CHAT-6, NF-5)", () => {
  it("CHAT-6: a transfer note names who acted when that is not the holder", () => {
    const text = (input: Parameters<typeof transferNoteOf>[0]) => assignmentNoteText(transferNoteOf(input));
    expect(text({ holder: "Ava", holderId: "ava", actor: ava, target: ben })).toBe("Ava transferred the chat to Ben");
    expect(text({ holder: "Ava", holderId: "ava", actor: olivia, target: olivia })).toBe("Olivia took over the chat from Ava");
    expect(text({ holder: "Ava", holderId: "ava", actor: olivia, target: ben })).toBe("Olivia transferred the chat from Ava to Ben");
    expect(text({ holder: null, holderId: null, actor: olivia, target: ben })).toBe("Olivia transferred the chat from An agent to Ben");
  });

  it("CHAT-2: joined and assigned notes read as before", () => {
    expect(assignmentNoteText({ kind: "joined", to: "Ava" })).toBe("Ava joined the chat");
    expect(assignmentNoteText({ kind: "joined", to: null })).toBe("An agent joined the chat");
    expect(assignmentNoteText({ kind: "assigned", actor: "Olivia", to: "Ben" })).toBe("Olivia assigned the chat to Ben");
  });

  it("NF-5: every assignment note is recognised from its payload, with its names", () => {
    const notes: AssignmentNote[] = [
      { kind: "joined", to: "Ava" },
      { kind: "joined", to: null },
      { kind: "assigned", actor: "Olivia", to: "Ben" },
      { kind: "transferred", from: null, to: "Ben" },
      { kind: "tookOver", actor: "Olivia", from: "Ava" },
      { kind: "moved", actor: "Olivia", from: "Ava", to: "Ben" },
    ];
    for (const note of notes) {
      const { kind, ...names } = note;
      expect(systemNotePhrase({ body: assignmentNoteText(note), payload: { event: "assigned", note } })).toEqual({ key: kind, names });
    }
  });

  it("NF-5: a note whose body is not what its facts say, or with a malformed payload, is shown as stored", () => {
    expect(systemNotePhrase({ body: "Ava joined the chat", payload: { event: "assigned", note: { kind: "joined", to: "Ben" } } })).toBeNull();
    expect(systemNotePhrase({ body: "Ava joined the chat", payload: { event: "assigned" } })).toBeNull();
    expect(systemNotePhrase({ body: "Ava joined the chat", payload: { note: { kind: "joined", to: 7 } } })).toBeNull();
    expect(systemNotePhrase({ body: "Olivia assigned the chat to Ben", payload: { note: { kind: "assigned", to: "Ben" } } })).toBeNull();
    expect(systemNotePhrase({ body: "Something else", payload: null })).toBeNull();
  });

  it("NF-5: the fixed notes are recognised by their sentence and event", () => {
    expect(systemNotePhrase({ body: FIXED_NOTE_TEXT.ended, payload: { event: "ended" } })).toEqual({ key: "ended", names: {} });
    expect(systemNotePhrase({ body: FIXED_NOTE_TEXT.expired, payload: { event: "expired" } })).toEqual({ key: "expired", names: {} });
    expect(systemNotePhrase({ body: FIXED_NOTE_TEXT.closedByShop, payload: { event: "closed" } })).toEqual({ key: "closedByShop", names: {} });
    expect(systemNotePhrase({ body: FIXED_NOTE_TEXT.requeued, payload: { event: "requeued" } })).toEqual({ key: "requeued", names: {} });
    expect(systemNotePhrase({ body: FIXED_NOTE_TEXT.handover, payload: { reason: "asked_for_person" } })).toEqual({ key: "handover", names: {} });
    // A shop's own closing sentence is its own words.
    expect(systemNotePhrase({ body: "We are closed today", payload: { event: "closed" } })).toBeNull();
    expect(systemNotePhrase({ body: FIXED_NOTE_TEXT.ended, payload: { event: "expired" } })).toBeNull();
  });
});
