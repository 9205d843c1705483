// CHAT-2, CHAT-6, NF-5: the product's system notes ("Ava joined the chat", "The chat has
// ended…"). The server stores each note's English sentence as its body, which is what search,
// the integration API and the history read, and the facts behind it in the payload. The console
// and the widget say the same thing in the reader's language from those facts
// (systemNotePhrase); a note this module does not know is shown as stored.
import { HANDOVER_NOTE } from "@/core/automation/chatbot";

/** The fixed sentences, by the payload's `event` (the hand-over note has its own payload). */
export const FIXED_NOTE_TEXT = {
  ended: "The chat has ended. How did we do?",
  expired: "This chat was closed after 7 days without a reply.",
  closedByShop: "This chat was closed by the shop.",
  requeued: "Your chat is waiting for the next available agent",
  handover: HANDOVER_NOTE,
} as const;
export type FixedNote = keyof typeof FIXED_NOTE_TEXT;

/** Which payload event each fixed note is written with (null: any). */
const FIXED_NOTE_EVENT: Record<FixedNote, string | null> = {
  ended: "ended",
  expired: "expired",
  closedByShop: "closed",
  requeued: "requeued",
  handover: null,
};

/**
 * A change of holder, with the nicknames it names; a null name is a member who no longer exists
 * ("An agent"). Stored as the note payload's `note`.
 */
export type AssignmentNote =
  | { kind: "joined"; to: string | null }
  | { kind: "assigned"; actor: string; to: string }
  | { kind: "transferred"; from: string | null; to: string }
  | { kind: "tookOver"; actor: string; from: string | null }
  | { kind: "moved"; actor: string; from: string | null; to: string };

const SOMEONE = "An agent";

/** The note's English sentence, stored as its body. */
export function assignmentNoteText(note: AssignmentNote): string {
  switch (note.kind) {
    case "joined":
      return `${note.to ?? SOMEONE} joined the chat`;
    case "assigned":
      return `${note.actor} assigned the chat to ${note.to}`;
    case "transferred":
      return `${note.from ?? SOMEONE} transferred the chat to ${note.to}`;
    case "tookOver":
      return `${note.actor} took over the chat from ${note.from ?? SOMEONE}`;
    case "moved":
      return `${note.actor} transferred the chat from ${note.from ?? SOMEONE} to ${note.to}`;
  }
}

/**
 * CHAT-6: a transfer names who acted when that is not the holder: a chat manager (TEAM-5)
 * moving someone else's chat, or taking it for themselves ("Transfer to me").
 */
export function transferNoteOf(input: {
  /** Nickname of the member who held the chat; null when unknown (a deleted member). */
  holder: string | null;
  holderId: string | null;
  actor: { memberId: string; nickname: string };
  target: { memberId: string; nickname: string };
}): AssignmentNote {
  const { holder, holderId, actor, target } = input;
  if (holderId === actor.memberId) return { kind: "transferred", from: holder, to: target.nickname };
  if (target.memberId === actor.memberId) return { kind: "tookOver", actor: actor.nickname, from: holder };
  return { kind: "moved", actor: actor.nickname, from: holder, to: target.nickname };
}

export type SystemNoteKey = FixedNote | AssignmentNote["kind"];

/** A note in words the reader's language can say: a catalog key and the names it needs. */
export interface SystemNotePhrase {
  key: SystemNoteKey;
  /** Nicknames; null for a member who no longer exists. */
  names: { actor?: string | null; from?: string | null; to?: string | null };
}

const isName = (value: unknown): value is string | null | undefined => value === undefined || value === null || typeof value === "string";

function assignmentNoteOf(value: unknown): AssignmentNote | null {
  if (typeof value !== "object" || value === null) return null;
  const note = value as Record<string, unknown>;
  if (!isName(note.actor) || !isName(note.from) || !isName(note.to)) return null;
  switch (note.kind) {
    case "joined":
      return { kind: "joined", to: note.to ?? null };
    case "assigned":
      return typeof note.actor === "string" && typeof note.to === "string" ? { kind: "assigned", actor: note.actor, to: note.to } : null;
    case "transferred":
      return typeof note.to === "string" ? { kind: "transferred", from: note.from ?? null, to: note.to } : null;
    case "tookOver":
      return typeof note.actor === "string" ? { kind: "tookOver", actor: note.actor, from: note.from ?? null } : null;
    case "moved":
      return typeof note.actor === "string" && typeof note.to === "string" ? { kind: "moved", actor: note.actor, from: note.from ?? null, to: note.to } : null;
    default:
      return null;
  }
}

/**
 * What a system note says, for the reader's language; null when the note is not one of the
 * product's own (then its body is shown as stored). A note is recognised only when its body is
 * still the sentence its facts make, so a note written by an older version is never misread.
 */
export function systemNotePhrase(message: { body: string; payload: Record<string, unknown> | null | undefined }): SystemNotePhrase | null {
  const note = assignmentNoteOf(message.payload?.note);
  if (note && assignmentNoteText(note) === message.body) {
    const { kind, ...names } = note;
    return { key: kind, names };
  }
  const event = typeof message.payload?.event === "string" ? message.payload.event : null;
  for (const key of Object.keys(FIXED_NOTE_TEXT) as FixedNote[]) {
    const expected = FIXED_NOTE_EVENT[key];
    if (FIXED_NOTE_TEXT[key] === message.body && (expected === null || expected === event)) return { key, names: {} };
  }
  return null;
}
