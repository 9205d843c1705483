// AUTO-6: proactive order messages. One template per order status the integration API reports;
// each is off until the shop switches it on. Variables: {order_id}, {carrier},
// {tracking_number}, {eta}, {buyer}, {shop}. A line whose variable has no value (no tracking
// number yet, no ETA sent) is left out (renderTemplate).
import type { TemplateRules } from "./template";

export const PROACTIVE_STATUSES = ["shipped", "out_for_delivery", "delayed", "delivered"] as const;
export type ProactiveStatus = (typeof PROACTIVE_STATUSES)[number];

export const PROACTIVE_VARIABLES = ["order_id", "carrier", "tracking_number", "eta", "buyer", "shop"] as const;

export const PROACTIVE_RULES: TemplateRules = {
  allowed: PROACTIVE_VARIABLES,
  notHere: { agent: "order messages are sent by the shop, not by an agent." },
};

export const PROACTIVE_STATUS_LABELS: Record<ProactiveStatus, string> = {
  shipped: "Shipped",
  out_for_delivery: "Out for delivery",
  delayed: "Delayed",
  delivered: "Delivered",
};

export const DEFAULT_PROACTIVE_TEMPLATES: Record<ProactiveStatus, string> = {
  shipped: "Good news, {buyer}: your order {order_id} has shipped with {carrier}.\nTracking number: {tracking_number}\nExpected delivery: {eta}",
  out_for_delivery: "Your order {order_id} is out for delivery today with {carrier}.\nTracking number: {tracking_number}",
  delayed: "Sorry, {buyer}: your order {order_id} is delayed.\nNew expected delivery: {eta}\nTracking number: {tracking_number}",
  delivered: "Your order {order_id} has been delivered. Enjoy, and thank you for shopping at {shop}!",
};

export interface ProactiveTemplateSetting {
  status: ProactiveStatus;
  enabled: boolean;
  template: string;
}

/** The shop's settings for every status: stored rows where they exist, the defaults (off) elsewhere. */
export function withDefaultTemplates(stored: ReadonlyArray<ProactiveTemplateSetting>): ProactiveTemplateSetting[] {
  return PROACTIVE_STATUSES.map((status) => stored.find((row) => row.status === status) ?? { status, enabled: false, template: DEFAULT_PROACTIVE_TEMPLATES[status] });
}

/** {eta} as buyers read it: the day in the shop's time zone, e.g. "Thu, Dec 4". */
export function formatEta(eta: Date | null, timeZone: string): string | null {
  if (!eta) return null;
  return new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone }).format(eta);
}
