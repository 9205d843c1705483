"use client";

// TEAM-3: every change that takes something from a member asks first: a role change (what the
// new role may and may not do), deactivation and deletion.
import { useTranslations } from "next-intl";
import type { MemberRoleName, TeamMemberDto } from "@/shared/team";
import { ConfirmDialog } from "./confirm-dialog";

export type PendingAction =
  | { kind: "deactivate" | "delete"; member: TeamMemberDto }
  | { kind: "role"; member: TeamMemberDto; role: MemberRoleName }
  | null;

/** What the new role may and may not do (`settings.confirmations`); the owner's is never given. */
const ROLE_EFFECT_KEYS: Partial<Record<MemberRoleName, "adminEffect" | "agentEffect">> = {
  admin: "adminEffect",
  agent: "agentEffect",
};

export function TeamConfirmDialog(props: { pending: PendingAction; isBusy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { pending } = props;
  const t = useTranslations("settings.confirmations");
  const tRoles = useTranslations("settings.roles");
  const tConfirm = useTranslations("settings.confirm");

  function title(action: NonNullable<PendingAction>): string {
    const nickname = action.member.nickname;
    switch (action.kind) {
      case "delete":
        return t("deleteTitle", { nickname });
      case "deactivate":
        return t("deactivateTitle", { nickname });
      case "role":
        return t(action.role === "admin" ? "makeAdminTitle" : "makeAgentTitle", { nickname });
    }
  }

  function confirmLabel(action: NonNullable<PendingAction>): string {
    if (action.kind === "role") return t("changeRole", { role: tRoles(action.role) });
    return action.kind === "delete" ? t("delete") : t("deactivate");
  }

  const effectKey = pending?.kind === "role" ? ROLE_EFFECT_KEYS[pending.role] : undefined;
  return (
    <ConfirmDialog
      isOpen={pending !== null}
      title={pending ? title(pending) : ""}
      confirmLabel={pending ? confirmLabel(pending) : tConfirm("confirm")}
      isBusy={props.isBusy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      {pending?.kind === "delete" && <p>{t("deleteText")}</p>}
      {pending?.kind === "deactivate" && <p>{t("deactivateText")}</p>}
      {pending?.kind === "role" && (
        <p>
          {effectKey ? t(effectKey) : ""} {t("roleText")}
        </p>
      )}
    </ConfirmDialog>
  );
}
