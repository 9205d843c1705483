"use client";

// NF-5: the list of console shortcuts, opened with "?" or the header's keyboard button.
import { useTranslations } from "next-intl";
import { SHORTCUTS } from "@/core/console/shortcuts";
import { Modal } from "../chat-window/modal";

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useTranslations("console.shortcuts");
  return (
    <Modal title={t("title")} description={t("description")} onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="contents">
            <dt><kbd className="inline-block min-w-7 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800">{shortcut.label}</kbd></dt>
            <dd className="text-slate-700">{t(`actions.${shortcut.description}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-5 flex justify-end">
        <button type="button" onClick={onClose} className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">{t("close")}</button>
      </div>
    </Modal>
  );
}
