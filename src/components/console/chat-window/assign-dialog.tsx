"use client";

// ASSIGN-5: give a queued chat to any active member, whatever their accept switch.
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { MemberPicker, useShopMembers } from "../transfer-dialog";
import { Modal } from "./modal";

export function AssignDialog({ selfId, error, isBusy, onClose, onAssign }: { selfId: string; error: string | null; isBusy: boolean; onClose(): void; onAssign(memberId: string): Promise<void> }) {
  const t = useTranslations("chat.assign");
  const { members, error: loadError } = useShopMembers();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const target = members?.find((member) => member.memberId === selectedId);
  const none = useMemo(() => new Map<string, string>(), []);
  return (
    <Modal title={t("title")} description={t("description")} onClose={onClose} initialFocus='input[type="search"]'>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (selectedId) void onAssign(selectedId);
        }}
      >
        <MemberPicker label={t("assignTo")} members={members} loadError={loadError} unavailable={none} selectedId={selectedId} onSelect={setSelectedId} />
        {error && <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{t("cancel")}</button>
          <button type="submit" disabled={!target || isBusy}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300">
            {isBusy ? t("assigning") : target ? (target.memberId === selfId ? t("assignToMe") : t("assignToName", { name: target.nickname })) : t("assign")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
