// Every Socket.IO event of the product, typed once for server and browser (STYLE: commands
// `noun:verb`, domain events `noun.past_tense`). docs/realtime.md describes the protocol.
import type { AppErrorCode, FieldErrors } from "@/core/errors";

/** The acknowledgement every command answers with. */
export type Ack<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: AppErrorCode; message: string; fieldErrors?: FieldErrors } };

export interface ConsoleHello {
  memberId: string;
  shopId: string;
  nickname: string;
  role: "owner" | "admin" | "agent";
  serverTime: string;
}

/** Agent console namespace: `/console`. */
export interface ConsoleServerToClientEvents {
  "console.ready": (hello: ConsoleHello) => void;
  /** The member lost access (deactivated, deleted, signed out elsewhere): the console stops. */
  "access.revoked": (reason: { message: string }) => void;
}

export interface ConsoleClientToServerEvents {
  "presence:ping": (ack: (reply: Ack<{ serverTime: string }>) => void) => void;
}

export const CONSOLE_NAMESPACE = "/console";
