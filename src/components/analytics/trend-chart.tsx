"use client";
// ANALYTICS-4: the daily trend of one figure at a time (recharts). The points are the daily
// series of the same computation as the cards, so chart and cards cannot disagree.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Figures } from "@/core/analytics";
import { FIGURES, useFigureText } from "./figure-notes";

export function TrendChart(props: { daily: Array<{ day: string; figures: Figures }>; currency: string }) {
  const t = useTranslations("analytics.trend");
  const text = useFigureText();
  const [figureId, setFigureId] = useState("responseRate");
  const figure = FIGURES.find((f) => f.id === figureId) ?? FIGURES[0]!;
  const points = props.daily.map((row) => ({ day: text.shortDay(row.day), value: figure.value(row.figures) }));
  const label = text.label(figure);
  return (
    <section aria-label={t("title")} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <label className="text-sm text-slate-600">
          {t("figure")}{" "}
          <select className="rounded border border-slate-300 px-2 py-1" value={figureId} onChange={(event) => setFigureId(event.target.value)}>
            {FIGURES.map((f) => <option key={f.id} value={f.id}>{text.label(f)}</option>)}
          </select>
        </label>
      </div>
      <div className="mt-3 h-64" data-testid="trend-chart" role="img" aria-label={t("perDay", { figure: label })}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="day" fontSize={12} />
            <YAxis fontSize={12} width={72} tickFormatter={(value: number) => text.format(figure, value, props.currency)} />
            <Tooltip formatter={(value) => text.format(figure, typeof value === "number" ? value : null, props.currency)} />
            <Line type="linear" dataKey="value" name={label} stroke="#2563eb" strokeWidth={2} dot={points.length <= 31} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
