"use client";

// Chat access management (TEAM-5, issue 10): an owner or admin who may see and transfer every
// chat can step into a chat another member holds, either replying in it as it is or taking it
// with "Transfer to me". After they transfer a chat they still see, the pop-up of the seller
// center offers to take it back or hand it on again.
import { useTranslations } from "next-intl";
import { Modal } from "./modal";

export function HeldByOtherNotice({ holderNickname, isBusy, onTransferToMe }: { holderNickname: string; isBusy: boolean; onTransferToMe(): void }) {
  const t = useTranslations("chat.takeOver");
  return (
    <div role="note" className="flex flex-wrap items-center justify-between gap-2 border-t border-amber-100 bg-amber-50 px-5 py-2 text-sm text-amber-900" data-testid="held-by-other">
      <span>{t("holds", { name: holderNickname })}</span>
      <button type="button" onClick={onTransferToMe} disabled={isBusy} className="rounded-lg bg-white px-3 py-1 font-medium text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100 disabled:opacity-60">
        {isBusy ? t("transferring") : t("transferToMe")}
      </button>
    </div>
  );
}

export interface TransferredPopupProps {
  targetNickname: string;
  moved: number;
  /** False when the manager transferred the chat to themselves: nothing to take back. */
  canTakeBack: boolean;
  isBusy: boolean;
  error: string | null;
  onTransferToMe(): void;
  onTransferToOthers(): void;
  onClose(): void;
}

export function TransferredPopup(props: TransferredPopupProps) {
  const t = useTranslations("chat.takeOver");
  return (
    <Modal title={t("popupTitle")} description={t("popupDescription", { count: props.moved, name: props.targetNickname })} onClose={props.onClose} size="sm">
      {props.error && <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{props.error}</p>}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button type="button" onClick={props.onClose} className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{t("done")}</button>
        <button type="button" onClick={props.onTransferToOthers} className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">{t("transferToOthers")}</button>
        {props.canTakeBack && (
          <button type="button" onClick={props.onTransferToMe} disabled={props.isBusy}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
            {props.isBusy ? t("transferring") : t("transferToMe")}
          </button>
        )}
      </div>
    </Modal>
  );
}
