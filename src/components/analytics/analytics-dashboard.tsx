"use client";
// ANALYTICS-1..4: the /analytics page in the browser: range presets and a custom range, the
// headline cards, the daily trend, the per-agent table and the CSV link for the same range.
// Figures refresh every 60 s while the page is open (and when the tab becomes visible again).
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/settings/api";
import type { AnalyticsDto } from "@/shared/analytics";
import { AgentTable } from "./agent-table";
import { HeadlineCards } from "./headline-cards";
import { TrendChart } from "./trend-chart";
import { useFigureText } from "./figure-notes";

export const REFRESH_MS = 60_000;
type Selection = { preset: "today" | "7d" | "30d" } | { from: string; to: string };
const PRESETS = ["today", "7d", "30d"] as const;

const queryOf = (selection: Selection) => new URLSearchParams("preset" in selection ? { preset: selection.preset } : { from: selection.from, to: selection.to }).toString();

export function AnalyticsDashboard(props: { initial: AnalyticsDto; canExport: boolean }) {
  const t = useTranslations("analytics.dashboard");
  const errors = useTranslations("analytics.errors");
  const locale = useLocale();
  const text = useFigureText();
  const [data, setData] = useState(props.initial);
  const [selection, setSelection] = useState<Selection>({ preset: "7d" });
  const [custom, setCustom] = useState({ from: props.initial.range.firstDay, to: props.initial.range.lastDay });
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const load = useCallback(async (next: Selection) => {
    const ticket = ++latest.current;
    setLoading(true);
    const result = await callApi<AnalyticsDto>(`/api/analytics?${queryOf(next)}`);
    if (ticket !== latest.current) return; // a newer request answers instead
    setLoading(false);
    if (result.ok) {
      setData(result.data);
      setError(null);
      // The custom fields show the range on screen, ready to adjust.
      if ("preset" in next) setCustom({ from: result.data.range.firstDay, to: result.data.range.lastDay });
    } else {
      const fields = Object.values(result.error.fieldErrors ?? {}).flat();
      // English as the server says it; another language a sentence by the error's code.
      setError(locale === "en" || !errors.has(result.error.code) ? [result.error.message, ...fields].join(" ") : errors(result.error.code));
    }
  }, [locale, errors]);

  useEffect(() => {
    const timer = window.setInterval(() => void load(selection), REFRESH_MS);
    const onVisible = () => { if (document.visibilityState === "visible") void load(selection); };
    document.addEventListener("visibilitychange", onVisible);
    return () => { window.clearInterval(timer); document.removeEventListener("visibilitychange", onVisible); };
  }, [load, selection]);

  const choose = (next: Selection) => { setSelection(next); void load(next); };
  const own = data.scope === "own";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div role="group" aria-label={t("range")} className="flex gap-1">
          {PRESETS.map((preset) => {
            const active = "preset" in selection && selection.preset === preset;
            return (
              <button key={preset} type="button" aria-pressed={active} onClick={() => choose({ preset })}
                className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-600 text-white" : "border border-slate-300 text-slate-700 hover:bg-slate-50"}`}>
                {t(`presets.${preset}`)}
              </button>
            );
          })}
        </div>
        <form className="flex flex-wrap items-end gap-2" onSubmit={(event) => { event.preventDefault(); choose({ from: custom.from, to: custom.to }); }}>
          <label className="text-sm text-slate-600">{t("from")} <input type="date" required value={custom.from} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} className="block rounded border border-slate-300 px-2 py-1" /></label>
          <label className="text-sm text-slate-600">{t("to")} <input type="date" required value={custom.to} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} className="block rounded border border-slate-300 px-2 py-1" /></label>
          <button type="submit" aria-pressed={!("preset" in selection)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">{t("applyCustom")}</button>
        </form>
        {props.canExport && (
          <a href={`/api/analytics/export?${queryOf(selection)}`} download className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">{t("downloadCsv")}</a>
        )}
      </div>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="range-summary">
        {t("summary", {
          scope: own ? "own" : "shop",
          range: data.range.firstDay === data.range.lastDay ? text.day(data.range.firstDay) : t("rangeTo", { from: text.day(data.range.firstDay), to: text.day(data.range.lastDay) }),
          timeZone: data.timeZone,
        })}{" "}
        {loading ? t("updating") : t("updated", { time: new Date(data.generatedAt).toLocaleTimeString(locale) })}
      </p>
      {error && <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-800">{error}</p>}
      <HeadlineCards summary={data.summary} previous={data.previousSummary} currency={data.currency}
        previousLabel={data.previousRange.firstDay === data.previousRange.lastDay ? text.day(data.previousRange.firstDay) : t("rangeDash", { from: text.day(data.previousRange.firstDay), to: text.day(data.previousRange.lastDay) })} />
      <TrendChart daily={data.daily} currency={data.currency} />
      <AgentTable rows={data.perAgent} currency={data.currency} />
    </div>
  );
}
