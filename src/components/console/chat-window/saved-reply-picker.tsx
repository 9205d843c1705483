"use client";

// AUTO-2: the `/` list above the reply box: a listbox the textarea controls (the focus stays in
// the textarea; aria-activedescendant names the highlighted option). A click inserts too.
import { useTranslations } from "next-intl";
import type { SavedReplyPicker } from "./use-saved-reply-picker";

export function SavedReplyPickerList({ picker }: { picker: SavedReplyPicker }) {
  const t = useTranslations("chat.savedReplies");
  if (!picker.isOpen) return null;
  return (
    <div className="absolute bottom-full left-0 right-0 z-20 mb-2 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg">
      <p className="border-b border-slate-100 px-3 py-1.5 text-xs text-slate-500">
        {t.rich("help", { link: (chunks) => <a href="/settings/saved-replies" className="underline">{chunks}</a> })}
      </p>
      {picker.items.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-500" role="status">{picker.isLoading ? t("searching") : t("noMatch")}</p>
      ) : (
        <ul id={picker.listboxId} role="listbox" aria-label={t("label")} className="max-h-64 overflow-y-auto py-1">
          {picker.items.map((item, index) => (
            <li
              key={item.id}
              id={picker.optionId(index)}
              role="option"
              aria-selected={index === picker.activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => picker.setActiveIndex(index)}
              onClick={() => picker.choose(index)}
              className={`cursor-pointer px-3 py-2 text-sm ${index === picker.activeIndex ? "bg-brand-50" : ""}`}
            >
              <div className="flex items-baseline gap-2">
                <span className="font-mono text-brand-700">/{item.shortcut}</span>
                <span className="font-medium text-slate-900">{item.title}</span>
                {item.scope === "personal" && <span className="text-xs text-slate-500">{t("personal")}</span>}
              </div>
              <p className="line-clamp-2 whitespace-pre-line text-slate-600">{item.text}</p>
              {item.missing.length > 0 && (
                <p className="text-xs text-amber-700">{t("missing", { names: item.missing.map((name) => `{${name}}`).join(", ") })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
