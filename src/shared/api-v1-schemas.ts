// Over 300 lines on purpose: the OpenAPI document is generated from these schemas and they read best as one list.
// Integration API v1 (API-1): every request and response shape, written once in zod. The route
// handlers validate with these, the OpenAPI document (/api/v1/openapi.json) is generated from
// them, and a test checks that the documented examples pass the same schemas.
//
// Compatibility rule for v1: fields may be added, never removed, renamed or made stricter.
// Unknown request fields are ignored, so clients written against a later v1 keep working.
import { z } from "zod";
import { ZSafeUrl } from "@/shared/safe-url";

import { safeLine, safeText, seqNumberParam, storableDate } from "@/shared/zod-primitives";

/** The schemas named in the OpenAPI document's components, by id. */
export const apiV1Registry = z.registry<{ id: string; description?: string }>();

const MAX_INT = 2_000_000_000;

export const ExternalIdSchema = safeLine().trim().min(1, "Must not be empty.").max(100, "At most 100 characters.");
export const CentsSchema = z.number().int("Whole cents, no fractions.").min(0, "Must be 0 or more.").max(MAX_INT);
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as USD.");
/** RFC 3339 with a zone: 2026-01-31T09:30:00Z or 2026-01-31T17:30:00+08:00. */
/** NF-3: between 1970 and 9999 in UTC (src/shared/zod-primitives.ts), so PostgreSQL stores it. */
export const TimestampSchema = storableDate("Use an ISO 8601 date-time with a zone, e.g. 2026-01-31T09:30:00Z.");
/** Links shown to agents and buyers: an absolute http(s) URL or a path on the storefront. */
export const LinkSchema = ZSafeUrl(2000);

export const PRODUCT_STATUSES = ["live", "unlisted", "sold_out"] as const;
export const ORDER_STATUSES = ["unpaid", "to_ship", "shipped", "out_for_delivery", "delayed", "delivered", "cancelled", "returned"] as const;
export const VOUCHER_DISCOUNT_TYPES = ["fixed_amount", "percentage"] as const;
/** AUTO-6: the order events that send the buyer a proactive message. */
export const PROACTIVE_ORDER_STATUSES = ["shipped", "out_for_delivery", "delayed", "delivered"] as const;

export const ProductStatusSchema = z.enum(PRODUCT_STATUSES);
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export const VoucherDiscountTypeSchema = z.enum(VOUCHER_DISCOUNT_TYPES);

// ─── Requests ────────────────────────────────────────────────────────────────

export const ProductUpsertSchema = z.object({
  externalId: ExternalIdSchema.describe("The shop's own product id (SKU). Upserts are keyed by it."),
  name: safeLine().trim().min(1, "Must not be empty.").max(200, "At most 200 characters."),
  description: safeText().max(5000, "At most 5000 characters.").optional(),
  priceCents: CentsSchema,
  currency: CurrencySchema.optional().describe("Defaults to USD on creation."),
  imageUrl: LinkSchema.nullable().optional(),
  url: LinkSchema.nullable().optional().describe("The product page, opened from a product card."),
  stock: z.number().int().min(0).max(MAX_INT).optional(),
  status: ProductStatusSchema.optional().describe("Only live products appear in the workbench. Defaults to live on creation."),
});
apiV1Registry.add(ProductUpsertSchema, { id: "ProductUpsert", description: "Omitted optional fields keep their stored value on update." });

export const OrderBuyerSchema = z.object({
  externalId: ExternalIdSchema.describe("The shop's own customer id, as in the widget's signed identity token."),
  nickname: safeLine().trim().min(1, "Must not be empty.").max(60, "At most 60 characters.").describe("Used only when the buyer is created."),
  email: z.email("Enter a valid email address.").max(320).optional(),
});
apiV1Registry.add(OrderBuyerSchema, { id: "OrderBuyer" });

export const OrderItemInputSchema = z.object({
  productExternalId: ExternalIdSchema.optional().describe("Links the item to a product upserted earlier; unknown ids are kept as text only."),
  name: safeLine().trim().min(1, "Must not be empty.").max(200, "At most 200 characters."),
  quantity: z.number().int().min(1, "At least 1.").max(100_000),
  priceCents: CentsSchema.describe("Unit price."),
});
apiV1Registry.add(OrderItemInputSchema, { id: "OrderItemInput" });

export const OrderEventInputSchema = z.object({
  status: OrderStatusSchema,
  occurredAt: TimestampSchema.describe("With the status, identifies the event: sending it again records nothing new."),
  note: safeText().trim().max(500, "At most 500 characters.").optional(),
  eta: TimestampSchema.optional().describe("AUTO-6: the expected delivery, shown as {eta} in proactive messages."),
});
apiV1Registry.add(OrderEventInputSchema, { id: "OrderEventInput" });

const optionalText = (max: number) => safeLine().trim().max(max, `At most ${max} characters.`).nullable().optional();

export const OrderUpsertSchema = z.object({
  externalId: ExternalIdSchema.describe("The shop's order number. Upserts are keyed by it."),
  buyer: OrderBuyerSchema,
  status: OrderStatusSchema,
  totalCents: CentsSchema,
  currency: CurrencySchema.optional(),
  placedAt: TimestampSchema,
  deliveredAt: TimestampSchema.nullable().optional(),
  carrier: optionalText(100),
  carrierPhone: optionalText(40).describe("SET-5: shown to agents as the carrier's contact."),
  carrierEmail: z.email("Enter a valid email address.").max(320).nullable().optional(),
  trackingNumber: optionalText(100),
  items: z.array(OrderItemInputSchema).min(1, "An order needs at least one item.").max(200, "At most 200 items.").describe("Replaces the stored items."),
  events: z.array(OrderEventInputSchema).max(100, "At most 100 events per request.").optional().describe("Status events to record; ones already recorded are skipped."),
});
apiV1Registry.add(OrderUpsertSchema, { id: "OrderUpsert", description: "Omitted optional fields keep their stored value on update; items are replaced." });

export const VoucherUpsertSchema = z
  .object({
    externalId: ExternalIdSchema,
    code: safeLine().trim().min(1, "Must not be empty.").max(40, "At most 40 characters."),
    title: safeLine().trim().min(1, "Must not be empty.").max(120, "At most 120 characters."),
    discountType: VoucherDiscountTypeSchema,
    discountValue: z.number().int().min(1, "At least 1.").max(MAX_INT).describe("Cents for fixed_amount, whole percent (1-100) for percentage."),
    minSpendCents: CentsSchema.optional(),
    currency: CurrencySchema.optional(),
    quantity: z.number().int().min(0).max(MAX_INT).describe("How many buyers may claim it in total; never below the number already claimed."),
    startsAt: TimestampSchema,
    endsAt: TimestampSchema,
    isPublic: z
      .boolean()
      .optional()
      .describe("Any buyer of the shop may claim a public voucher; otherwise only a buyer it was sent to in their chat. Defaults to false on creation; omitted keeps the stored value."),
  })
  .superRefine((voucher, context) => {
    if (voucher.discountType === "percentage" && voucher.discountValue > 100) {
      context.addIssue({ code: "custom", path: ["discountValue"], message: "A percentage discount is at most 100." });
    }
    if (Date.parse(voucher.endsAt) <= Date.parse(voucher.startsAt)) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "Must be after startsAt." });
    }
  });
apiV1Registry.add(VoucherUpsertSchema, { id: "VoucherUpsert" });

export const ConversationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.uuid("Use the nextCursor of the previous page.").optional().describe("nextCursor from the previous page."),
  buyerExternalId: ExternalIdSchema.optional().describe("Only the conversation of this buyer."),
});

export const ConversationReadQuerySchema = z.object({
  afterSeq: seqNumberParam().default(0).describe("Messages with a sequence number above this one."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Body of POST /api/api-tokens (settings, `api_token:manage`). */
export const ApiTokenCreateSchema = z.object({
  name: safeLine().trim().min(1, "Give the token a name, e.g. the system that uses it.").max(80, "At most 80 characters."),
});
export type ApiTokenCreateInput = z.infer<typeof ApiTokenCreateSchema>;

/** A token as the settings page lists it: never the secret, only its first characters. */
export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

// ─── Responses ───────────────────────────────────────────────────────────────

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe("BAD_INPUT, UNAUTHENTICATED, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, INTERNAL ..."),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("Dotted field path to messages, on BAD_INPUT."),
  }),
});
apiV1Registry.add(ErrorResponseSchema, { id: "ErrorResponse" });

export const ProductOutSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
  imageUrl: z.string().nullable(),
  url: z.string().nullable(),
  stock: z.number().int(),
  status: ProductStatusSchema,
  updatedAt: z.iso.datetime(),
});
apiV1Registry.add(ProductOutSchema, { id: "Product" });

export const OrderItemOutSchema = z.object({
  name: z.string(),
  quantity: z.number().int(),
  priceCents: z.number().int(),
  productExternalId: z.string().nullable(),
});
apiV1Registry.add(OrderItemOutSchema, { id: "OrderItem" });

export const OrderEventOutSchema = z.object({
  id: z.uuid(),
  status: OrderStatusSchema,
  occurredAt: z.iso.datetime(),
  note: z.string().nullable(),
  eta: z.iso.datetime().nullable(),
});
apiV1Registry.add(OrderEventOutSchema, { id: "OrderEvent" });

export const OrderOutSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  buyer: z.object({ id: z.uuid(), externalId: z.string().nullable(), nickname: z.string() }),
  status: OrderStatusSchema,
  totalCents: z.number().int(),
  currency: z.string(),
  placedAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  carrier: z.string().nullable(),
  carrierPhone: z.string().nullable(),
  carrierEmail: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  items: z.array(OrderItemOutSchema),
  events: z.array(OrderEventOutSchema),
  updatedAt: z.iso.datetime(),
});
apiV1Registry.add(OrderOutSchema, { id: "Order" });

export const VoucherOutSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  code: z.string(),
  title: z.string(),
  discountType: VoucherDiscountTypeSchema,
  discountValue: z.number().int(),
  minSpendCents: z.number().int(),
  currency: z.string(),
  quantity: z.number().int(),
  claimedCount: z.number().int(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  isPublic: z.boolean(),
  updatedAt: z.iso.datetime(),
});
apiV1Registry.add(VoucherOutSchema, { id: "Voucher" });

const SessionStateSchema = z.enum(["queued", "open", "ended", "expired"]);
const SessionCategorySchema = z.enum(["pre_purchase", "logistics", "after_sales"]);

export const SessionOutSchema = z.object({
  id: z.uuid(),
  state: SessionStateSchema,
  category: SessionCategorySchema.nullable(),
  assignee: z.object({ nickname: z.string() }).nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable().describe("What the buyer wrote with the rating (CHAT-7), if anything."),
  queuedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});
apiV1Registry.add(SessionOutSchema, { id: "Session" });

export const ConversationSummarySchema = z.object({
  id: z.uuid(),
  buyer: z.object({ id: z.uuid(), externalId: z.string().nullable(), nickname: z.string() }),
  createdAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastSeq: z.number().int().describe("Sequence number of the newest message."),
  activeSession: SessionOutSchema.nullable(),
});
apiV1Registry.add(ConversationSummarySchema, { id: "ConversationSummary" });

export const MessageOutSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  sessionId: z.uuid().nullable(),
  authorType: z.enum(["buyer", "agent", "bot", "system"]),
  author: z.object({ nickname: z.string() }).nullable().describe("The agent's nickname on agent messages."),
  kind: z.enum(["text", "image", "video", "product_card", "order_card", "voucher_card", "system"]),
  body: z.string(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  isAutomatic: z.boolean(),
  createdAt: z.iso.datetime(),
});
apiV1Registry.add(MessageOutSchema, { id: "Message" });

export const ConversationDetailSchema = ConversationSummarySchema.extend({
  sessions: z.array(SessionOutSchema).describe("Every session, oldest first."),
});
apiV1Registry.add(ConversationDetailSchema, { id: "ConversationDetail" });

const upserted = <T extends z.ZodType>(schema: T) =>
  z.object({ data: schema, created: z.boolean().describe("true when this request created the record (HTTP 201).") });

export const ProductUpsertResponseSchema = upserted(ProductOutSchema);
export const OrderUpsertResponseSchema = upserted(OrderOutSchema).extend({
  recordedEvents: z.number().int().describe("Status events this request recorded (duplicates excluded)."),
});
export const OrderEventResponseSchema = z.object({
  data: OrderOutSchema,
  created: z.boolean().describe("false when this event had been recorded already."),
});
export const VoucherUpsertResponseSchema = upserted(VoucherOutSchema);
export const ConversationListResponseSchema = z.object({
  data: z.array(ConversationSummarySchema),
  nextCursor: z.uuid().nullable().describe("Pass as cursor for the next page; null on the last page."),
});
export const ConversationReadResponseSchema = z.object({
  data: ConversationDetailSchema,
  messages: z.array(MessageOutSchema).describe("Ascending by seq."),
  nextAfterSeq: z.number().int().nullable().describe("Pass as afterSeq for the next page; null when no newer messages exist."),
});

apiV1Registry.add(ProductUpsertResponseSchema, { id: "ProductUpsertResponse" });
apiV1Registry.add(OrderUpsertResponseSchema, { id: "OrderUpsertResponse" });
apiV1Registry.add(OrderEventResponseSchema, { id: "OrderEventResponse" });
apiV1Registry.add(VoucherUpsertResponseSchema, { id: "VoucherUpsertResponse" });
apiV1Registry.add(ConversationListResponseSchema, { id: "ConversationListResponse" });
apiV1Registry.add(ConversationReadResponseSchema, { id: "ConversationReadResponse" });

export type ProductUpsertInput = z.infer<typeof ProductUpsertSchema>;
export type OrderUpsertInput = z.infer<typeof OrderUpsertSchema>;
export type OrderEventInput = z.infer<typeof OrderEventInputSchema>;
export type VoucherUpsertInput = z.infer<typeof VoucherUpsertSchema>;
export type ConversationListQuery = z.infer<typeof ConversationListQuerySchema>;
export type ConversationReadQuery = z.infer<typeof ConversationReadQuerySchema>;
export type ProductOut = z.infer<typeof ProductOutSchema>;
export type OrderOut = z.infer<typeof OrderOutSchema>;
export type VoucherOut = z.infer<typeof VoucherOutSchema>;
export type SessionOut = z.infer<typeof SessionOutSchema>;
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;
export type MessageOut = z.infer<typeof MessageOutSchema>;

// ─── Examples: shown in the OpenAPI document and docs/api.md, checked by a test ─

export const API_V1_EXAMPLES = {
  product: {
    externalId: "SKU-TEA-03",
    name: "Oolong tea, 100 g",
    description: "Lightly roasted, from Alishan.",
    priceCents: 1890,
    currency: "USD",
    imageUrl: "https://shop.example.com/images/oolong.jpg",
    url: "https://shop.example.com/products/oolong",
    stock: 40,
    status: "live",
  } satisfies z.input<typeof ProductUpsertSchema>,
  order: {
    externalId: "ORD-30001",
    buyer: { externalId: "cust-2001", nickname: "jules_p", email: "jules@example.com" },
    status: "shipped",
    totalCents: 3780,
    currency: "USD",
    placedAt: "2026-01-30T10:15:00Z",
    carrier: "J&T Express",
    carrierPhone: "+1 800 555 0142",
    carrierEmail: "help@jtexpress.example",
    trackingNumber: "JT0030001US",
    items: [{ productExternalId: "SKU-TEA-03", name: "Oolong tea, 100 g", quantity: 2, priceCents: 1890 }],
    events: [
      { status: "to_ship", occurredAt: "2026-01-30T10:16:00Z" },
      { status: "shipped", occurredAt: "2026-01-31T08:00:00Z", note: "Left the Oakland warehouse." },
    ],
  } satisfies z.input<typeof OrderUpsertSchema>,
  orderEvent: {
    status: "out_for_delivery",
    occurredAt: "2026-02-02T07:45:00Z",
    note: "With the courier since 07:45.",
  } satisfies z.input<typeof OrderEventInputSchema>,
  voucher: {
    externalId: "V-SPRING10",
    code: "SPRING10",
    title: "10% off everything",
    discountType: "percentage",
    discountValue: 10,
    minSpendCents: 2000,
    currency: "USD",
    quantity: 500,
    startsAt: "2026-03-01T00:00:00Z",
    endsAt: "2026-03-31T23:59:59Z",
  } satisfies z.input<typeof VoucherUpsertSchema>,
  conversationListQuery: { limit: "20" },
  conversationReadQuery: { afterSeq: "0", limit: "50" },
};
