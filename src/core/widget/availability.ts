// WIDGET-4: what the widget honestly says about the shop's availability. Pure rules: whether an
// agent is online, the expected wait from recent queue waits, and the words the buyer reads in
// the header and the note above the composer. The services feed them figures; the widget shows
// the words (docs/widget.md "Availability").

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

export interface WidgetStatusText {
  /** The header's second line. */
  header: string;
  /** The note above the composer, or null for none. */
  note: string | null;
  /** Which note it is, for styling and tests. */
  noteKind: "queue" | "offline" | null;
}

export const WHAT_HAPPENS_OFFLINE = "Leave a message and we'll reply here when we're back.";

function minutesText(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? "about 1 minute" : `about ${minutes} minutes`;
}

/** The queue note while an agent is online: the position, and the expected wait when known. */
export function queueNote(position: number | null, waitSeconds: number | null): string {
  const where = position === null ? "You're in the queue." : position === 1 ? "You're next in the queue." : `You're number ${position} in the queue.`;
  const wait = waitSeconds === null ? "" : ` Expected wait: ${minutesText(waitSeconds)}.`;
  return `${where}${wait} You can keep writing.`;
}

export function offlineNote(offlineMessage: string): string {
  const message = offlineMessage.trim() || DEFAULT_OFFLINE_MESSAGE;
  return `${message} ${WHAT_HAPPENS_OFFLINE}`;
}

/**
 * The header and note. An open session names its agent. Otherwise the header says whether an
 * agent is online; with no one online the note is the shop's offline message and what happens
 * next (never a promise of a quick reply); a queued buyer with someone online sees their place.
 */
export function widgetStatusText(input: WidgetStatusInput): WidgetStatusText {
  const { availability, sessionState } = input;
  if (sessionState === "open" && input.agentNickname) return { header: `${input.agentNickname} is helping you`, note: null, noteKind: null };
  if (!availability) return { header: "Connecting…", note: null, noteKind: null };
  if (!availability.isAgentOnline) {
    return { header: "No one is online right now", note: offlineNote(availability.offlineMessage), noteKind: "offline" };
  }
  if (sessionState === "queued") {
    return { header: "An agent is online", note: queueNote(availability.queuePosition, availability.expectedWaitSeconds), noteKind: "queue" };
  }
  return { header: "An agent is online", note: null, noteKind: null };
}
