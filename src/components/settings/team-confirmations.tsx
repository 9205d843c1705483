"use client";

// TEAM-3: every change that takes something from a member asks first: a role change (what the
// new role may and may not do), deactivation and deletion.
import { ROLE_LABELS, type MemberRoleName, type TeamMemberDto } from "@/shared/team";
import { ConfirmDialog } from "./confirm-dialog";

export type PendingAction =
  | { kind: "deactivate" | "delete"; member: TeamMemberDto }
  | { kind: "role"; member: TeamMemberDto; role: MemberRoleName }
  | null;

const ROLE_EFFECT: Partial<Record<MemberRoleName, string>> = {
  admin: "Admins manage the team's settings and, with chat access management, see and transfer every chat.",
  agent: "Agents chat and edit their own settings; they can read but not change the shop's settings.",
};

function title(pending: NonNullable<PendingAction>): string {
  switch (pending.kind) {
    case "delete":
      return `Delete ${pending.member.nickname}?`;
    case "deactivate":
      return `Deactivate ${pending.member.nickname}?`;
    case "role":
      return `Make ${pending.member.nickname} ${pending.role === "admin" ? "an admin" : "an agent"}?`;
  }
}

function confirmLabel(pending: NonNullable<PendingAction>): string {
  if (pending.kind === "role") return `Change role to ${ROLE_LABELS[pending.role]}`;
  return pending.kind === "delete" ? "Delete" : "Deactivate";
}

export function TeamConfirmDialog(props: { pending: PendingAction; isBusy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { pending } = props;
  return (
    <ConfirmDialog
      isOpen={pending !== null}
      title={pending ? title(pending) : ""}
      confirmLabel={pending ? confirmLabel(pending) : "Confirm"}
      isBusy={props.isBusy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      {pending?.kind === "delete" && (
        <p>They can no longer sign in to this shop. Their open chats go back to the queue; their past messages stay in the history. To work with them again, invite them again.</p>
      )}
      {pending?.kind === "deactivate" && (
        <p>Their console closes at once and their open chats go back to the queue to be assigned again. You can activate them later.</p>
      )}
      {pending?.kind === "role" && (
        <p>
          {ROLE_EFFECT[pending.role]} The change applies at once: their open consoles reconnect with the new permissions, and they keep their open chats.
        </p>
      )}
    </ConfirmDialog>
  );
}
