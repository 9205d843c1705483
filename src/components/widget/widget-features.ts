// Server features the widget relies on that arrived separately.
// WIDGET-3 voucher claim: the Claim button on voucher cards calls the widget command
// `voucher:claim` { voucherId, messageId } (src/server/realtime/handlers/widget-commands.ts).
export const VOUCHER_CLAIM_ENABLED = true;
