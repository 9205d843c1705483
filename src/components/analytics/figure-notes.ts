// ANALYTICS-1..4: the note under each figure, in a seller's words (docs/analytics.md says the same).
import type { Figures } from "@/core/analytics";
import { formatDuration, formatMoney, formatRate } from "@/shared/analytics-format";

export interface FigureDefinition {
  id: string;
  label: string;
  note: string;
  /** The headline value; null when there is nothing to show ("—"). */
  value: (figures: Figures) => number | null;
  format: (value: number | null, currency: string) => string;
  /** Higher is better (rates, revenue) or lower is better (times), for the change's colour. */
  higherIsBetter: boolean;
  /** The detail line under the value: the counts a rate is made of. */
  detail?: (figures: Figures, currency: string) => string;
}

const time = (value: number | null) => formatDuration(value);
const rate = (value: number | null) => formatRate(value);

export const FIGURES: FigureDefinition[] = [
  {
    id: "responseRate", label: "24 h response rate", higherIsBetter: true, value: (f) => f.responseRate.rate, format: rate,
    detail: (f) => `${f.responseRate.replied} of ${f.responseRate.opened} ${f.responseRate.opened === 1 ? "chat" : "chats"}`,
    note: "Chats buyers opened in the range that a person answered within 24 hours, over all chats buyers opened. Greetings, bot and automatic messages are not answers. Counted on the day the chat opened.",
  },
  {
    id: "satisfaction", label: "Satisfaction", higherIsBetter: true, value: (f) => f.satisfaction.rate, format: rate,
    detail: (f) => `${f.satisfaction.satisfied} of ${f.satisfaction.rated} ${f.satisfaction.rated === 1 ? "rating" : "ratings"}`,
    note: "Ratings of 4 (satisfied) or 5 (very satisfied) over all ratings given in the range. Chats closed after 7 days without a reply are never rated.",
  },
  {
    id: "revenue", label: "Conversion revenue", higherIsBetter: true, value: (f) => f.conversion.revenueMinor, format: (v, c) => (v === null ? "—" : formatMoney(v, c)),
    detail: (f) => `${f.conversion.orders} ${f.conversion.orders === 1 ? "order" : "orders"}${f.conversion.otherCurrencyOrders ? ` (+${f.conversion.otherCurrencyOrders} in other currencies)` : ""}`,
    note: "Orders a buyer placed within 7 days after an agent's reply in the range, each credited once to the latest reply before it. Cancelled and returned orders do not count.",
  },
  {
    id: "orderingShare", label: "Replied buyers who ordered", higherIsBetter: true, value: (f) => f.conversion.share, format: rate,
    detail: (f) => `${f.conversion.orderingBuyers} of ${f.conversion.repliedBuyers} buyers`,
    note: "Buyers who got an agent's reply in the range and then ordered within 7 days, over all buyers who got a reply.",
  },
  {
    id: "firstResponse", label: "First response (median)", higherIsBetter: false, value: (f) => f.firstResponse.medianMs, format: time,
    detail: (f) => `p90 ${formatDuration(f.firstResponse.p90Ms)} · ${f.firstResponse.count} chats`,
    note: "From the buyer's opening message to the first reply a person wrote. The median and p90 are real waits (nearest rank).",
  },
  {
    id: "resolution", label: "Resolution time (median)", higherIsBetter: false, value: (f) => f.resolution.medianMs, format: time,
    detail: (f) => `p90 ${formatDuration(f.resolution.p90Ms)} · ${f.resolution.count} ended`,
    note: "From the buyer's opening message to the end of the chat, for chats ended in the range. Chats closed after 7 days without a reply are not resolutions.",
  },
  {
    id: "queueWait", label: "Queue wait (median)", higherIsBetter: false, value: (f) => f.queueWait.medianMs, format: time,
    detail: (f) => `p90 ${formatDuration(f.queueWait.p90Ms)} · ${f.queueWait.count} chats`,
    note: "From the buyer's opening message to the first time a member held the chat (automatic, manual or transfer).",
  },
  {
    id: "sessionsHandled", label: "Chats handled", higherIsBetter: true, value: (f) => f.sessionsHandled, format: (v) => (v === null ? "—" : String(v)),
    note: "Chats buyers opened in the range that got at least one reply from a person. A transferred chat counts for the member who replied first.",
  },
];
