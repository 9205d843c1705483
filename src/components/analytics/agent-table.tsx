"use client";
// ANALYTICS-1..4: the per-agent table; every column sorts (click the header, again to reverse).
// Each chat is credited to one row, so the rows add up to the shop's counts.
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AnalyticsAgentRow } from "@/shared/analytics";
import { FIGURES, useFigureText } from "./figure-notes";

export function AgentTable(props: { rows: AnalyticsAgentRow[]; currency: string }) {
  const t = useTranslations("analytics.agents");
  const text = useFigureText();
  // The server names the rows without a member in English; they are said in the reader's language.
  const nameOf = (row: AnalyticsAgentRow): string =>
    row.memberId === null ? t("unassigned") : row.nickname === "Removed member" ? t("removed") : row.nickname;
  const [sort, setSort] = useState<{ column: string; descending: boolean }>({ column: "sessionsHandled", descending: true });
  const valueOf = (row: AnalyticsAgentRow, column: string) =>
    column === "agent" ? row.nickname.toLowerCase() : FIGURES.find((f) => f.id === column)!.value(row.figures);
  const rows = [...props.rows].sort((a, b) => {
    const x = valueOf(a, sort.column);
    const y = valueOf(b, sort.column);
    // Empty figures ("—") sort last either way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.descending ? -order : order;
  });
  const header = (column: string, label: string) => (
    <th key={column} scope="col" aria-sort={sort.column === column ? (sort.descending ? "descending" : "ascending") : "none"} className="px-3 py-2 text-left font-medium">
      <button type="button" className="hover:underline" onClick={() => setSort((s) => ({ column, descending: s.column === column ? !s.descending : column !== "agent" }))}>
        {label}{sort.column === column ? (sort.descending ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );
  return (
    <section aria-label={t("title")} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-xs text-slate-500">{t("credit")}</p>
      <div className="mt-3 overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>{header("agent", t("agent"))}{FIGURES.map((f) => header(f.id, text.label(f)))}</tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td className="px-3 py-3 text-slate-500" colSpan={FIGURES.length + 1}>{t("empty")}</td></tr>}
            {rows.map((row) => (
              <tr key={row.memberId ?? "unassigned"} className="border-t border-slate-100" data-member={row.memberId ?? "unassigned"}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{nameOf(row)}</th>
                {FIGURES.map((f) => <td key={f.id} className="px-3 py-2 tabular-nums">{text.format(f, f.value(row.figures), props.currency)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
