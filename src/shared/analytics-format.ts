// ANALYTICS-1..4: how figures are written for people (the page) and for files (the CSV), in one
// place so the screen and the export show the same numbers. Revenue is formatted from integer
// minor units without floating point; rates keep exact counts beside them.
import type { Figures } from "@/core/analytics";

/** Minor units per major unit by ISO 4217 exponent (most currencies have 2). */
const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "IDR", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG"]);
const THREE_DECIMAL = new Set(["BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD"]);

export function currencyExponent(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2;
}

/** "1234.50" from 123450 minor units of a two-decimal currency; exact for any safe integer. */
export function minorToDecimal(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export function formatMoney(minor: number, currency: string): string {
  const [whole, fraction] = minorToDecimal(minor, currency).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${currency} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** A rate for a file: six decimals, empty when there is nothing to divide. */
export const csvRate = (rate: number | null): string => (rate === null ? "" : rate.toFixed(6));
const csvMs = (ms: number | null): string => (ms === null ? "" : String(ms));

export const CSV_COLUMNS = [
  "section", "day", "member_id", "agent",
  "sessions_opened", "replied_within_24h", "response_rate_24h", "sessions_handled",
  "rated", "satisfied", "satisfaction_rate",
  "conversion_orders", "conversion_revenue", "conversion_revenue_minor", "other_currency_orders",
  "replied_buyers", "ordering_buyers", "ordering_share",
  "first_response_count", "first_response_median_ms", "first_response_p90_ms",
  "resolution_count", "resolution_median_ms", "resolution_p90_ms",
  "queue_wait_count", "queue_wait_median_ms", "queue_wait_p90_ms",
] as const;

export function csvFigures(figures: Figures, currency: string): string[] {
  const { responseRate: r, satisfaction: s, conversion: c } = figures;
  return [
    String(r.opened), String(r.replied), csvRate(r.rate), String(figures.sessionsHandled),
    String(s.rated), String(s.satisfied), csvRate(s.rate),
    String(c.orders), minorToDecimal(c.revenueMinor, currency), String(c.revenueMinor), String(c.otherCurrencyOrders),
    String(c.repliedBuyers), String(c.orderingBuyers), csvRate(c.share),
    String(figures.firstResponse.count), csvMs(figures.firstResponse.medianMs), csvMs(figures.firstResponse.p90Ms),
    String(figures.resolution.count), csvMs(figures.resolution.medianMs), csvMs(figures.resolution.p90Ms),
    String(figures.queueWait.count), csvMs(figures.queueWait.medianMs), csvMs(figures.queueWait.p90Ms),
  ];
}
