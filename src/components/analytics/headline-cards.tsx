"use client";
// ANALYTICS-1..4: one card per figure, with the change against the previous period of the same
// length and the note saying how it is computed.
import type { Figures } from "@/core/analytics";
import { FIGURES } from "./figure-notes";

function change(current: number | null, previous: number | null, isRate: boolean): string | null {
  if (current === null || previous === null) return null;
  if (isRate) return `${current >= previous ? "+" : ""}${((current - previous) * 100).toFixed(1)} pts`;
  if (previous === 0) return current === 0 ? "±0%" : null;
  const percent = ((current - previous) / previous) * 100;
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(0)}%`;
}

export function HeadlineCards(props: { summary: Figures; previous: Figures; currency: string; previousLabel: string }) {
  return (
    <section aria-label="Headline figures" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {FIGURES.map((figure) => {
        const value = figure.value(props.summary);
        const before = figure.value(props.previous);
        const isRate = figure.format(0.5, "USD").endsWith("%");
        const delta = change(value, before, isRate);
        const better = delta !== null && value !== null && before !== null && value !== before ? (value > before) === figure.higherIsBetter : null;
        return (
          <article key={figure.id} data-figure={figure.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="text-sm font-medium text-slate-600">{figure.label}</h3>
            <p className="mt-1 text-2xl font-semibold" data-testid={`figure-${figure.id}`}>{figure.format(value, props.currency)}</p>
            {figure.detail && <p className="text-xs text-slate-500">{figure.detail(props.summary, props.currency)}</p>}
            <p className={`mt-1 text-xs ${better === null ? "text-slate-500" : better ? "text-emerald-700" : "text-rose-700"}`}>
              {delta === null ? `Nothing to compare with in ${props.previousLabel}` : `${delta} vs ${props.previousLabel}`}
            </p>
            <p className="mt-2 text-xs leading-snug text-slate-500">{figure.note}</p>
          </article>
        );
      })}
    </section>
  );
}
