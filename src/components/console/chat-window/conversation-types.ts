// Shapes of the console's chat-window routes (GET /api/console/conversations/{id} and
// GET /api/console/members), shared by the route handlers and the components that read them.
import type { BuyerDto, ChatTranslationDto, SessionDto } from "@/shared/dto";

// Card snapshots have one writer (src/server/services/workbench/cards.ts) and one shape.
import type { OrderCardPayload, ProductCardPayload } from "@/shared/workbench";
export type { OrderCardPayload, ProductCardPayload, VoucherCardPayload } from "@/shared/workbench";

/** ASSIGN-8: one assignment record: who, when, why. */
export interface AssignmentRecordDto {
  id: string;
  kind: "auto" | "single_member" | "manual" | "transfer" | "requeue";
  mode: "lowest_workload" | "assign_equally" | null;
  detail: Record<string, unknown> | null;
  toNickname: string | null;
  fromNickname: string | null;
  actorNickname: string | null;
  /** Auto-assignment: the eligible members it compared, the picked one first. */
  compared: Array<{ nickname: string; openSessions: number; maxCapacity: number; assignedToday: number }> | null;
  createdAt: string;
}

export interface SessionHistoryEntryDto {
  session: SessionDto;
  createdAt: string;
  assignments: AssignmentRecordDto[];
}

export interface ConversationDetailsDto {
  conversation: { id: string; lastSeq: number; buyerReadSeq: number; shopReadSeq: number; myReadSeq: number };
  buyer: BuyerDto;
  /** The queued or open session, if any. */
  activeSession: SessionDto | null;
  /** The active session, or the latest closed one when none is active. */
  currentSession: SessionDto | null;
  context: { product: ProductCardPayload | null; order: OrderCardPayload | null };
  /** Latest first. */
  sessions: SessionHistoryEntryDto[];
  permissions: { canAssignOther: boolean; canTransferAny: boolean; canSendCards: boolean; canUpload: boolean };
  /** SET-3: the chat's translation (the chat menu). */
  translation: ChatTranslationDto;
}

/** A member as the transfer and assign dialogs show them (CHAT-6, ASSIGN-5). */
export interface ConsoleMemberDto {
  memberId: string;
  nickname: string;
  avatarUrl: string | null;
  role: "owner" | "admin" | "agent";
  openSessions: number;
  capacity: number;
  acceptAutoAssign: boolean;
  isOnline: boolean;
}
