// ASSIGN-8 in words for the buyer panel's session history: what happened and why.
import type { AssignmentRecordDto } from "./conversation-types";

const MODE_LABELS: Record<string, string> = { lowest_workload: "lowest workload", assign_equally: "assign equally" };

export function describeAssignment(record: AssignmentRecordDto): { title: string; why: string | null } {
  const to = record.toNickname ?? "a former member";
  switch (record.kind) {
    case "auto": {
      const compared = record.compared ?? [];
      const others = compared.slice(1, 4).map((item) => `${item.nickname} ${figure(record, item)}`);
      const mine = compared[0] ? ` at ${figure(record, compared[0])}` : "";
      const mode = record.mode ? MODE_LABELS[record.mode] ?? record.mode : "auto";
      const why = others.length > 0 ? `Auto, ${mode}: ${to}${mine} vs ${others.join(", ")}` : `Auto, ${mode}: ${to} was the only eligible member${mine}`;
      return { title: `Assigned to ${to}`, why };
    }
    case "single_member":
      return { title: `Assigned to ${to}`, why: "The shop's only member who chats receives every chat" };
    case "manual": {
      const reason = record.detail?.reason;
      if (reason === "assign_to_me") return { title: `${to} took the chat`, why: "Assign to me" };
      return { title: `Assigned to ${to}`, why: `Manually, by ${record.actorNickname ?? "a member"}` };
    }
    case "transfer": {
      const scope = record.detail?.scope === "all_mine" ? " (all ongoing chats)" : "";
      return { title: `Transferred to ${to}`, why: `From ${record.fromNickname ?? "a former member"}, by ${record.actorNickname ?? "a member"}${scope}` };
    }
    case "requeue":
      return {
        title: "Back to Unassigned",
        why: record.detail?.reason === "member_deactivated" ? `${record.fromNickname ?? "The holder"} was deactivated` : `From ${record.fromNickname ?? "a member"}`,
      };
  }
}

function figure(record: AssignmentRecordDto, item: { openSessions: number; maxCapacity: number; assignedToday: number }): string {
  return record.mode === "assign_equally" ? `${item.assignedToday} today/${item.maxCapacity}` : `${item.openSessions}/${item.maxCapacity}`;
}

