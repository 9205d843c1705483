// ASSIGN-8 in words for the buyer panel's session history: what happened and why. `t` is the
// `chat.assignment` translator (next-intl's, or any with its shape), so the words follow the
// member's language while this stays a plain function.
import type { AssignmentRecordDto } from "./conversation-types";

export type AssignmentTranslate = (key: string, values?: Record<string, string | number>) => string;

export function describeAssignment(record: AssignmentRecordDto, t: AssignmentTranslate): { title: string; why: string | null } {
  const to = record.toNickname ?? t("formerMember");
  switch (record.kind) {
    case "auto": {
      const compared = record.compared ?? [];
      const others = compared.slice(1, 4).map((item) => t("other", { name: item.nickname, figure: figure(record, item, t) }));
      const mine = compared[0] ? t("mine", { figure: figure(record, compared[0], t) }) : "";
      const mode = record.mode ? t(`modes.${record.mode}`) : t("modes.auto");
      const why = others.length > 0
        ? t("autoCompared", { mode, name: to, mine, others: others.join(t("listSeparator")) })
        : t("autoOnly", { mode, name: to, mine });
      return { title: t("assignedTo", { name: to }), why };
    }
    case "single_member":
      return { title: t("assignedTo", { name: to }), why: t("onlyMember") };
    case "manual": {
      const reason = record.detail?.reason;
      if (reason === "assign_to_me") return { title: t("tookChat", { name: to }), why: t("assignToMe") };
      return { title: t("assignedTo", { name: to }), why: t("manually", { actor: record.actorNickname ?? t("aMember") }) };
    }
    case "transfer": {
      const values = { from: record.fromNickname ?? t("formerMember"), actor: record.actorNickname ?? t("aMember") };
      return { title: t("transferredTo", { name: to }), why: record.detail?.scope === "all_mine" ? t("transferFromAll", values) : t("transferFrom", values) };
    }
    case "requeue":
      return {
        title: t("backToUnassigned"),
        why: record.detail?.reason === "member_deactivated" ? t("deactivated", { name: record.fromNickname ?? t("theHolder") }) : t("requeuedFrom", { name: record.fromNickname ?? t("aMember") }),
      };
  }
}

function figure(record: AssignmentRecordDto, item: { openSessions: number; maxCapacity: number; assignedToday: number }, t: AssignmentTranslate): string {
  // Plain figures, as before (no digit grouping): strings, so the translator does not format them.
  return record.mode === "assign_equally"
    ? t("figureEqually", { assigned: String(item.assignedToday), capacity: String(item.maxCapacity) })
    : t("figureWorkload", { open: String(item.openSessions), capacity: String(item.maxCapacity) });
}
