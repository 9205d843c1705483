// Small building blocks shared by the settings pages, in the console's look (white panels,
// slate borders, brand blue) and accessible: labels tied to inputs, errors announced.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export function SettingsSection(props: { title: string; description?: ReactNode; children: ReactNode; headingId?: string }) {
  const headingId = props.headingId ?? `section-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">{props.title}</h2>
      {props.description && <div className="mt-1 text-sm text-slate-500">{props.description}</div>}
      <div className="mt-4">{props.children}</div>
    </section>
  );
}

export function PageTitle(props: { title: string; description?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{props.title}</h1>
      {props.description && <p className="mt-1 text-sm text-slate-500">{props.description}</p>}
    </div>
  );
}

export function FieldHint(props: { id: string; error?: string; hint?: ReactNode }) {
  if (props.error) return <p id={props.id} className="mt-1 text-xs text-red-600">{props.error}</p>;
  if (props.hint) return <p id={props.id} className="mt-1 text-xs text-slate-500">{props.hint}</p>;
  return null;
}

export function Notice(props: { tone: "success" | "error" | "warning" | "info"; children: ReactNode; testId?: string }) {
  const tones = {
    success: "bg-emerald-50 text-emerald-800 border-emerald-200",
    error: "bg-red-50 text-red-700 border-red-200",
    warning: "bg-amber-50 text-amber-800 border-amber-200",
    info: "bg-brand-50 text-brand-700 border-brand-100",
  } as const;
  return (
    <div role={props.tone === "error" ? "alert" : "status"} data-testid={props.testId} className={`rounded-md border px-3 py-2 text-sm ${tones[props.tone]}`}>
      {props.children}
    </div>
  );
}

export const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:border-red-400";
export const labelClass = "block text-sm font-medium text-slate-700";
export const primaryButtonClass =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-60";
export const dangerButtonClass =
  "rounded-md border border-red-200 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60";

export function Switch(props: { checked: boolean; label: string; onChange: (next: boolean) => void; disabled?: boolean; describedBy?: string }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={props.checked}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      disabled={props.disabled}
      onClick={() => props.onChange(!props.checked)}
      className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors disabled:opacity-60 ${props.checked ? "bg-emerald-500" : "bg-slate-300"}`}
    >
      <span aria-hidden className={`absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-all ${props.checked ? "left-4" : "left-0.5"}`} />
    </button>
  );
}

export function Avatar(props: { nickname: string; avatarUrl: string | null; size?: "sm" | "lg" }) {
  const t = useTranslations("settings.ui");
  const size = props.size === "lg" ? "h-16 w-16 text-xl" : "h-8 w-8 text-sm";
  if (props.avatarUrl) {
    return <img src={props.avatarUrl} alt={t("avatarAlt", { nickname: props.nickname })} className={`${size} shrink-0 rounded-full object-cover`} />;
  }
  return (
    <span aria-hidden className={`${size} flex shrink-0 items-center justify-center rounded-full bg-brand-600 font-semibold text-white`}>
      {props.nickname.slice(0, 1).toUpperCase()}
    </span>
  );
}

/** `what` is already in the reader's language ("team management", "la gestión del equipo"). */
export function NoAccess(props: { what: string }) {
  const t = useTranslations("settings.ui");
  return (
    <div role="alert" className="rounded-xl border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">{t("noAccessTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("noAccessText", { what: props.what })}</p>
    </div>
  );
}
