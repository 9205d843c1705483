"use client";
// ANALYTICS-1..4: one card per figure, with the change against the previous period of the same
// length and the note saying how it is computed.
import { useTranslations } from "next-intl";
import type { Figures } from "@/core/analytics";
import { FIGURES, useFigureText } from "./figure-notes";

export function HeadlineCards(props: { summary: Figures; previous: Figures; currency: string; previousLabel: string }) {
  const t = useTranslations("analytics.cards");
  const text = useFigureText();
  return (
    <section aria-label={t("label")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {FIGURES.map((figure) => {
        const value = figure.value(props.summary);
        const before = figure.value(props.previous);
        const delta = text.change(figure, value, before);
        const better = delta !== null && value !== null && before !== null && value !== before ? (value > before) === figure.higherIsBetter : null;
        const detail = text.detail(figure, props.summary);
        return (
          <article key={figure.id} data-figure={figure.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="text-sm font-medium text-slate-600">{text.label(figure)}</h3>
            <p className="mt-1 text-2xl font-semibold" data-testid={`figure-${figure.id}`}>{text.format(figure, value, props.currency)}</p>
            {detail !== null && <p className="text-xs text-slate-500">{detail}</p>}
            <p className={`mt-1 text-xs ${better === null ? "text-slate-500" : better ? "text-emerald-700" : "text-rose-700"}`}>
              {delta === null ? t("nothingToCompare", { range: props.previousLabel }) : t("versus", { change: delta, range: props.previousLabel })}
            </p>
            <p className="mt-2 text-xs leading-snug text-slate-500">{text.note(figure)}</p>
          </article>
        );
      })}
    </section>
  );
}
