// ANALYTICS-1..4: the figures of the page, and the note under each in a seller's words
// (docs/analytics.md says the same). The words are in messages/<locale>/analytics.json
// (analytics.figures.<id>); numbers, rates, money and durations are written the reader's way.
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Figures } from "@/core/analytics";
import { formatDuration, formatMoney, minorToDecimal } from "@/shared/analytics-format";

export type FigureKind = "rate" | "duration" | "money" | "count";

export interface FigureDefinition {
  id: "responseRate" | "satisfaction" | "revenue" | "orderingShare" | "firstResponse" | "resolution" | "queueWait" | "sessionsHandled";
  kind: FigureKind;
  /** The headline value; null when there is nothing to show ("—"). */
  value: (figures: Figures) => number | null;
  /** Higher is better (rates, revenue) or lower is better (times), for the change's colour. */
  higherIsBetter: boolean;
  /** The values of the detail line under the value (analytics.figures.<id>.detail), when it has one. */
  detail?: (figures: Figures) => Record<string, number | null>;
}

export const FIGURES: FigureDefinition[] = [
  { id: "responseRate", kind: "rate", higherIsBetter: true, value: (f) => f.responseRate.rate, detail: (f) => ({ replied: f.responseRate.replied, opened: f.responseRate.opened }) },
  { id: "satisfaction", kind: "rate", higherIsBetter: true, value: (f) => f.satisfaction.rate, detail: (f) => ({ satisfied: f.satisfaction.satisfied, rated: f.satisfaction.rated }) },
  { id: "revenue", kind: "money", higherIsBetter: true, value: (f) => f.conversion.revenueMinor, detail: (f) => ({ orders: f.conversion.orders, other: f.conversion.otherCurrencyOrders }) },
  { id: "orderingShare", kind: "rate", higherIsBetter: true, value: (f) => f.conversion.share, detail: (f) => ({ ordering: f.conversion.orderingBuyers, replied: f.conversion.repliedBuyers }) },
  { id: "firstResponse", kind: "duration", higherIsBetter: false, value: (f) => f.firstResponse.medianMs, detail: (f) => ({ p90: f.firstResponse.p90Ms, count: f.firstResponse.count }) },
  { id: "resolution", kind: "duration", higherIsBetter: false, value: (f) => f.resolution.medianMs, detail: (f) => ({ p90: f.resolution.p90Ms, count: f.resolution.count }) },
  { id: "queueWait", kind: "duration", higherIsBetter: false, value: (f) => f.queueWait.medianMs, detail: (f) => ({ p90: f.queueWait.p90Ms, count: f.queueWait.count }) },
  { id: "sessionsHandled", kind: "count", higherIsBetter: true, value: (f) => f.sessionsHandled },
];

/** A whole number as the reader writes it; English keeps the plain digits it always showed. */
function integerFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: locale === "en" ? false : "min2" });
}

export interface FigureText {
  label: (figure: FigureDefinition) => string;
  note: (figure: FigureDefinition) => string;
  /** The value as shown on the card, in the table, on the chart's axis and tooltip. */
  format: (figure: FigureDefinition, value: number | null, currency: string) => string;
  detail: (figure: FigureDefinition, figures: Figures) => string | null;
  /** The change against the previous period ("+1.5 pts", "-20%"), or null when there is none to show. */
  change: (figure: FigureDefinition, current: number | null, previous: number | null) => string | null;
  integer: (value: number) => string;
  /** A shop day (YYYY-MM-DD): English shows it as it always did, another language its own way. */
  day: (day: string) => string;
  /** A shop day on the chart's axis: "05-01" in English. */
  shortDay: (day: string) => string;
}

export function useFigureText(): FigureText {
  const t = useTranslations("analytics.figures");
  const units = useTranslations("analytics.units");
  const locale = useLocale();
  return useMemo(() => {
    const integer = integerFormat(locale);
    const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: locale === "en" ? false : "min2" });
    const signedOneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "always", useGrouping: false });
    const signedWhole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "always", useGrouping: false });
    const decimalSeparator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
    const int = (value: number) => integer.format(value);
    const rate = (value: number | null) => (value === null ? "—" : units("percent", { value: oneDecimal.format(value * 100) }));
    const duration = (ms: number | null): string => {
      if (ms === null) return "—";
      if (locale === "en") return formatDuration(ms);
      const seconds = Math.round(ms / 1000);
      if (seconds < 60) return units("seconds", { s: int(seconds) });
      const minutes = Math.floor(seconds / 60);
      if (minutes < 60) return units("minutesSeconds", { m: int(minutes), s: int(seconds % 60) });
      const hours = Math.floor(minutes / 60);
      if (hours < 48) return units("hoursMinutes", { h: int(hours), m: int(minutes % 60) });
      return units("daysHours", { d: int(Math.floor(hours / 24)), h: int(hours % 24) });
    };
    const money = (minor: number, currency: string): string => {
      if (locale === "en") return formatMoney(minor, currency);
      // From the exact decimal of the minor units (no floating point), grouped the reader's way.
      const [whole, fraction] = minorToDecimal(minor, currency).split(".");
      const grouped = new Intl.NumberFormat(locale, { useGrouping: "min2" }).format(BigInt(whole!));
      return `${currency} ${fraction === undefined ? grouped : `${grouped}${decimalSeparator}${fraction}`}`;
    };
    const dayFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    const shortDayFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
    const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
    return {
      label: (figure) => t(`${figure.id}.label`),
      note: (figure) => t(`${figure.id}.note`),
      format: (figure, value, currency) => {
        if (figure.kind === "rate") return rate(value);
        if (figure.kind === "duration") return duration(value);
        if (value === null) return "—";
        return figure.kind === "money" ? money(value, currency) : int(value);
      },
      detail: (figure, figures) => {
        if (!figure.detail) return null;
        const values = figure.detail(figures);
        // Counts for plurals, their written forms beside them, durations written out.
        const args: Record<string, string | number> = {};
        for (const [key, value] of Object.entries(values)) {
          if (key === "p90") args.p90 = duration(value);
          else {
            args[key] = value ?? 0;
            args[`${key}Text`] = int(value ?? 0);
          }
        }
        return t(`${figure.id}.detail`, args);
      },
      change: (figure, current, previous) => {
        if (current === null || previous === null) return null;
        if (figure.kind === "rate") {
          const points = (current - previous) * 100;
          // "+0.0" when equal, as before: the sign follows current >= previous.
          const text = current >= previous && points === 0 ? signedOneDecimal.format(0) : signedOneDecimal.format(points);
          return units("points", { value: text });
        }
        if (previous === 0) return current === 0 ? units("percent", { value: "±0" }) : null;
        const percent = ((current - previous) / previous) * 100;
        return units("percent", { value: signedWhole.format(percent) });
      },
      integer: int,
      day: (day) => (locale === "en" ? day : dayFormat.format(asDate(day))),
      shortDay: (day) => (locale === "en" ? day.slice(5) : shortDayFormat.format(asDate(day))),
    };
  }, [t, units, locale]);
}
