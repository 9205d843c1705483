// WIDGET-4: what the widget honestly says about the shop's availability. Pure rules: whether an
// agent is online, the expected wait from recent queue waits, and the phrases the buyer reads in
// the header and the note above the composer. The services feed them figures; the widget shows
// the phrases in the buyer's language (messages/<locale>/widget.json, docs/widget.md "Availability").

/** The default offline message of a shop (ShopSettings.offlineMessage). */
export const DEFAULT_OFFLINE_MESSAGE = "We're not online right now.";
/** At most this many characters (zod-validated on Settings → Shop). */
export const MAX_OFFLINE_MESSAGE_LENGTH = 300;

/** Recent waits count for the estimate only when the chat was taken within this window. */
export const EXPECTED_WAIT_WINDOW_MS = 2 * 60 * 60 * 1000;
/** The estimate looks at the latest this many waits in the window… */
export const EXPECTED_WAIT_SAMPLE_SIZE = 20;
/** …and says nothing with fewer than this many (a guess from one chat is not an estimate). */
export const EXPECTED_WAIT_MIN_SAMPLES = 3;

export interface MemberAvailability {
  status: "invited" | "active" | "deactivated";
  /** Has the console open now (presence, ASSIGN-2). */
  isOnline: boolean;
  /** Accepts new chats (ASSIGN-6). */
  acceptAutoAssign: boolean;
}

/** An agent is online when an active member has the console open and accepts new chats. */
export function isAgentOnline(members: readonly MemberAvailability[]): boolean {
  return members.some((member) => member.status === "active" && member.isOnline && member.acceptAutoAssign);
}

/**
 * Expected wait in seconds: the median of the latest recent queue waits (queued until first
 * assigned), rounded up to whole minutes, at least one minute; null with too few samples.
 * `waitsMs` are the waits of sessions assigned within EXPECTED_WAIT_WINDOW_MS, newest first.
 */
export function expectedWaitSeconds(waitsMs: readonly number[]): number | null {
  const sample = waitsMs.filter((wait) => Number.isFinite(wait) && wait >= 0).slice(0, EXPECTED_WAIT_SAMPLE_SIZE);
  if (sample.length < EXPECTED_WAIT_MIN_SAMPLES) return null;
  const sorted = [...sample].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.max(1, Math.ceil(median / 60_000)) * 60;
}

export interface AvailabilityView {
  isAgentOnline: boolean;
  offlineMessage: string;
  /** 1 for the first in the queue; null when not queued. */
  queuePosition: number | null;
  expectedWaitSeconds: number | null;
}

export interface WidgetStatusInput {
  availability: AvailabilityView | null;
  /** The buyer's latest session's state, or null before the first message. */
  sessionState: "queued" | "open" | "ended" | "expired" | null;
  /** The agent holding the open session. */
  agentNickname: string | null;
}

/**
 * One sentence of the status, named by its key in the widget's message catalog (namespace
 * `widget.status`, messages/<locale>/widget.json) with its values; `shopText` is the shop's own
 * words, shown as written. The widget joins the phrases of a note with spaces.
 */
export type WidgetPhrase =
  | { key: "connecting" | "agentOnline" | "nobodyOnline" | "inQueue" | "nextInQueue" | "keepWriting" | "offlineWhatNext" | "defaultOfflineMessage" }
  | { key: "agentHelping"; values: { name: string } }
  | { key: "queuePosition"; values: { position: number } }
  | { key: "expectedWait"; values: { minutes: number } }
  | { key: "shopText"; text: string };

export interface WidgetStatusText {
  /** The header's second line. */
  header: WidgetPhrase;
  /** The note above the composer, or null for none. */
  note: WidgetPhrase[] | null;
  /** Which note it is, for styling and tests. */
  noteKind: "queue" | "offline" | null;
}

/** The queue note while an agent is online: the position, and the expected wait when known. */
export function queueNote(position: number | null, waitSeconds: number | null): WidgetPhrase[] {
  const where: WidgetPhrase = position === null ? { key: "inQueue" } : position === 1 ? { key: "nextInQueue" } : { key: "queuePosition", values: { position } };
  const wait: WidgetPhrase[] = waitSeconds === null ? [] : [{ key: "expectedWait", values: { minutes: Math.round(waitSeconds / 60) } }];
  return [where, ...wait, { key: "keepWriting" }];
}

/**
 * The shop's offline message and what happens next. A shop that kept the default message gets
 * it in the buyer's language; a message the shop wrote is shown as written.
 */
export function offlineNote(offlineMessage: string): WidgetPhrase[] {
  const message = offlineMessage.trim();
  const first: WidgetPhrase = !message || message === DEFAULT_OFFLINE_MESSAGE ? { key: "defaultOfflineMessage" } : { key: "shopText", text: message };
  return [first, { key: "offlineWhatNext" }];
}

/**
 * The header and note. An open session names its agent. Otherwise the header says whether an
 * agent is online; with no one online the note is the shop's offline message and what happens
 * next (never a promise of a quick reply); a queued buyer with someone online sees their place.
 */
export function widgetStatusText(input: WidgetStatusInput): WidgetStatusText {
  const { availability, sessionState } = input;
  if (sessionState === "open" && input.agentNickname) return { header: { key: "agentHelping", values: { name: input.agentNickname } }, note: null, noteKind: null };
  if (!availability) return { header: { key: "connecting" }, note: null, noteKind: null };
  if (!availability.isAgentOnline) {
    return { header: { key: "nobodyOnline" }, note: offlineNote(availability.offlineMessage), noteKind: "offline" };
  }
  if (sessionState === "queued") {
    return { header: { key: "agentOnline" }, note: queueNote(availability.queuePosition, availability.expectedWaitSeconds), noteKind: "queue" };
  }
  return { header: { key: "agentOnline" }, note: null, noteKind: null };
}

/** A translator of the `widget.status` namespace (next-intl's `t`, or any function alike). */
export type StatusTranslate = (key: Exclude<WidgetPhrase["key"], "shopText">, values?: Record<string, string | number>) => string;

export function phraseText(translate: StatusTranslate, phrase: WidgetPhrase): string {
  if (phrase.key === "shopText") return phrase.text;
  return "values" in phrase ? translate(phrase.key, phrase.values) : translate(phrase.key);
}

/** A note's phrases as one text. */
export function noteText(translate: StatusTranslate, phrases: readonly WidgetPhrase[]): string {
  return phrases.map((phrase) => phraseText(translate, phrase)).join(" ");
}
