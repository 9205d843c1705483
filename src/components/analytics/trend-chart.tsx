"use client";
// ANALYTICS-4: the daily trend of one figure at a time (recharts). The points are the daily
// series of the same computation as the cards, so chart and cards cannot disagree.
import { useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Figures } from "@/core/analytics";
import { FIGURES } from "./figure-notes";

export function TrendChart(props: { daily: Array<{ day: string; figures: Figures }>; currency: string }) {
  const [figureId, setFigureId] = useState("responseRate");
  const figure = FIGURES.find((f) => f.id === figureId) ?? FIGURES[0]!;
  const points = props.daily.map((row) => ({ day: row.day.slice(5), value: figure.value(row.figures) }));
  return (
    <section aria-label="Daily trend" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Daily trend</h2>
        <label className="text-sm text-slate-600">
          Figure{" "}
          <select className="rounded border border-slate-300 px-2 py-1" value={figureId} onChange={(event) => setFigureId(event.target.value)}>
            {FIGURES.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
          </select>
        </label>
      </div>
      <div className="mt-3 h-64" data-testid="trend-chart" role="img" aria-label={`${figure.label} per day`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="day" fontSize={12} />
            <YAxis fontSize={12} width={72} tickFormatter={(value: number) => figure.format(value, props.currency)} />
            <Tooltip formatter={(value) => figure.format(typeof value === "number" ? value : null, props.currency)} />
            <Line type="linear" dataKey="value" name={figure.label} stroke="#2563eb" strokeWidth={2} dot={points.length <= 31} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
