// API-1: the OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes
// validate with (src/shared/api-v1-schemas.ts), so the document cannot describe fields the
// server does not accept. tests/integration/api-v1-openapi.test.ts checks that every operation
// here has a route handler, every route handler is described here, and the examples validate.
import { z } from "zod";
import {
  API_V1_EXAMPLES,
  ConversationListQuerySchema,
  ConversationReadQuerySchema,
  ExternalIdSchema,
  OrderEventInputSchema,
  OrderUpsertSchema,
  ProductUpsertSchema,
  VoucherUpsertSchema,
  apiV1Registry,
} from "@/shared/api-v1-schemas";
import "@/shared/api-v1-analytics";
import { FAQ_API_EXAMPLES, FaqEntryUpsertSchema, FaqIdSchema, FaqImportSchema, FaqListQuerySchema } from "@/shared/api-v1-faq";
import { analyticsQuerySchema } from "@/shared/analytics";
import { API_VERSION } from "./define-api-route";

export const API_V1_BASE_PATH = "/api/v1";

type HttpMethod = "get" | "post" | "delete";
type ErrorStatus = 400 | 401 | 404 | 409 | 413;

export interface ApiOperation {
  method: HttpMethod;
  /** Relative to API_V1_BASE_PATH, with {param} placeholders. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: "Catalog" | "Orders" | "Vouchers" | "Conversations" | "Analytics" | "FAQ" | "Meta";
  /** false only for the document itself. */
  requiresToken: boolean;
  pathParams?: Array<{ name: string; description: string; schema: z.ZodType; example: string }>;
  query?: z.ZodObject;
  exampleQuery?: Record<string, string>;
  body?: { schema: z.ZodType; schemaId: string; example: unknown };
  /** Success statuses to the component id of their body. */
  responses: Record<number, { description: string; schemaId?: string }>;
  errors: ErrorStatus[];
}

const upsertResponses = (what: string, schemaId: string) => ({
  201: { description: `The ${what} was created.`, schemaId },
  200: { description: `The ${what} existed and was updated (or the request repeated an earlier one).`, schemaId },
});

export const API_V1_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/products",
    operationId: "upsertProduct",
    summary: "Create or update a product",
    description: "Keyed by externalId: sending the same product twice changes nothing the second time. Only live products appear in the agents' workbench.",
    tag: "Catalog",
    requiresToken: true,
    body: { schema: ProductUpsertSchema, schemaId: "ProductUpsert", example: API_V1_EXAMPLES.product },
    responses: upsertResponses("product", "ProductUpsertResponse"),
    errors: [400, 401, 413],
  },
  {
    method: "post",
    path: "/orders",
    operationId: "upsertOrder",
    summary: "Create or update an order with its items and status events",
    description:
      "Keyed by externalId. The buyer is named by the shop's own customer id and created (with the given nickname) when unknown. " +
      "Items are replaced. Events are identified by status and occurredAt and recorded once; a newly recorded shipped, " +
      "out_for_delivery, delayed or delivered event sends the proactive buyer message when the shop switched it on, once per order and status (AUTO-6). Everything is written in one transaction.",
    tag: "Orders",
    requiresToken: true,
    body: { schema: OrderUpsertSchema, schemaId: "OrderUpsert", example: API_V1_EXAMPLES.order },
    responses: upsertResponses("order", "OrderUpsertResponse"),
    errors: [400, 401, 413],
  },
  {
    method: "post",
    path: "/orders/{externalId}/events",
    operationId: "recordOrderEvent",
    summary: "Record an order status event",
    description:
      "The newest event (by occurredAt) becomes the order's status; an older event arriving late joins the history only. " +
      "Sending the same status and occurredAt again records nothing (HTTP 200, created false).",
    tag: "Orders",
    requiresToken: true,
    pathParams: [{ name: "externalId", description: "The order's externalId.", schema: ExternalIdSchema, example: "ORD-30001" }],
    body: { schema: OrderEventInputSchema, schemaId: "OrderEventInput", example: API_V1_EXAMPLES.orderEvent },
    responses: {
      201: { description: "The event was recorded.", schemaId: "OrderEventResponse" },
      200: { description: "The event had been recorded already.", schemaId: "OrderEventResponse" },
    },
    errors: [400, 401, 404, 413],
  },
  {
    method: "post",
    path: "/vouchers",
    operationId: "upsertVoucher",
    summary: "Create or update a seller voucher",
    description: "Keyed by externalId. Agents can send a voucher while it is within its dates and not all claimed. The quantity cannot drop below the number already claimed. A buyer can claim a voucher only when it was sent in their chat, or when it is public (isPublic).",
    tag: "Vouchers",
    requiresToken: true,
    body: { schema: VoucherUpsertSchema, schemaId: "VoucherUpsert", example: API_V1_EXAMPLES.voucher },
    responses: upsertResponses("voucher", "VoucherUpsertResponse"),
    errors: [400, 401, 413],
  },
  {
    method: "get",
    path: "/conversations",
    operationId: "listConversations",
    summary: "List conversations",
    description: "The shop's conversations, newest first. Follow nextCursor for the next page.",
    tag: "Conversations",
    requiresToken: true,
    query: ConversationListQuerySchema,
    exampleQuery: API_V1_EXAMPLES.conversationListQuery,
    responses: { 200: { description: "A page of conversations.", schemaId: "ConversationListResponse" } },
    errors: [400, 401],
  },
  {
    method: "get",
    path: "/conversations/{conversationId}",
    operationId: "readConversation",
    summary: "Read a conversation and its messages",
    description: "The conversation, its sessions and a page of messages in sequence order. Follow nextAfterSeq for the next page.",
    tag: "Conversations",
    requiresToken: true,
    pathParams: [
      { name: "conversationId", description: "A conversation id from the list.", schema: z.uuid(), example: "3f0c6a52-5a51-4f63-9a57-1d0d3b0f2a10" },
    ],
    query: ConversationReadQuerySchema,
    exampleQuery: API_V1_EXAMPLES.conversationReadQuery,
    responses: { 200: { description: "The conversation and a page of messages.", schemaId: "ConversationReadResponse" } },
    errors: [400, 401, 404],
  },
  {
    method: "get",
    path: "/analytics",
    operationId: "readAnalytics",
    summary: "Read the shop's service analytics for a range",
    description:
      "ANALYTICS-1..4: every figure of the Service analytics page for a preset (today, 7d, 30d; default 7d) or a custom range " +
      "from..to (days in the shop's time zone, at most 366 days), with the previous period, the daily series and the per-agent table. " +
      "The same numbers as the page and its CSV export. Definitions: docs/analytics.md.",
    tag: "Analytics",
    requiresToken: true,
    query: analyticsQuerySchema,
    exampleQuery: { preset: "7d" },
    responses: { 200: { description: "The figures of the range.", schemaId: "AnalyticsResponse" } },
    errors: [400, 401],
  },
  {
    method: "post",
    path: "/faq",
    operationId: "upsertFaqEntry",
    summary: "Create or update an FAQ entry",
    description: "AUTO-3: keyed by id (the CSV id column); sending the same entry twice changes nothing the second time. The reply recommendation (AUTO-4) uses the new text at once.",
    tag: "FAQ",
    requiresToken: true,
    body: { schema: FaqEntryUpsertSchema, schemaId: "FaqEntryUpsert", example: FAQ_API_EXAMPLES.entry },
    responses: upsertResponses("FAQ entry", "FaqEntryResponse"),
    errors: [400, 401, 413],
  },
  {
    method: "post",
    path: "/faq/csv",
    operationId: "importFaqCsv",
    summary: "Import FAQ entries from CSV",
    description:
      "AUTO-3: the file's text as {\"csv\": …} in the format of docs/faq.md (header id,category,question,alternatives,answer; alternatives separated by \" | \"; RFC 4180 quoting). " +
      "Rows upsert by id; entries not in the file stay. When any row is bad nothing is written and the 400 answer lists every bad row in fieldErrors.csv as \"Line <n>: <reason>\" (physical line, header = 1).",
    tag: "FAQ",
    requiresToken: true,
    body: { schema: FaqImportSchema, schemaId: "FaqImport", example: FAQ_API_EXAMPLES.import },
    responses: { 200: { description: "Every row was imported.", schemaId: "FaqImportResponse" } },
    errors: [400, 401, 413],
  },
  {
    method: "get",
    path: "/faq",
    operationId: "listFaqEntries",
    summary: "List FAQ entries",
    description: "AUTO-3: the shop's FAQ entries in id order, optionally searched or filtered by category. Follow nextCursor (as `after`) for the next page.",
    tag: "FAQ",
    requiresToken: true,
    query: FaqListQuerySchema,
    exampleQuery: { limit: "20" },
    responses: { 200: { description: "A page of entries.", schemaId: "FaqListResponse" } },
    errors: [400, 401],
  },
  {
    method: "get",
    path: "/faq/{id}",
    operationId: "getFaqEntry",
    summary: "Read one FAQ entry",
    description: "AUTO-3: the entry with this id.",
    tag: "FAQ",
    requiresToken: true,
    pathParams: [{ name: "id", description: "The entry's id.", schema: FaqIdSchema, example: "shipping-time" }],
    responses: { 200: { description: "The entry.", schemaId: "FaqEntryResponse" } },
    errors: [400, 401, 404],
  },
  {
    method: "get",
    path: "/faq/csv",
    operationId: "exportFaqCsv",
    summary: "Export the FAQ library as CSV",
    description: "AUTO-3: every entry in id order as text/csv (UTF-8, CRLF line ends, the format of docs/faq.md); importing it again changes nothing. An entry whose id is \"csv\" is read through the list.",
    tag: "FAQ",
    requiresToken: true,
    responses: { 200: { description: "The CSV file (text/csv)." } },
    errors: [401],
  },
  {
    method: "delete",
    path: "/faq/{id}",
    operationId: "deleteFaqEntry",
    summary: "Delete an FAQ entry",
    description: "AUTO-3: removes the entry; automatic answers already sent stay in their chats.",
    tag: "FAQ",
    requiresToken: true,
    pathParams: [{ name: "id", description: "The entry's id.", schema: FaqIdSchema, example: "shipping-time" }],
    responses: { 200: { description: "The entry was deleted.", schemaId: "FaqDeleteResponse" } },
    errors: [400, 401, 404],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 description of API v1. No token needed.",
    tag: "Meta",
    requiresToken: false,
    responses: { 200: { description: "The OpenAPI document." } },
    errors: [],
  },
];

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: "BAD_INPUT: the body or query is not valid; fieldErrors names each field.",
  401: "UNAUTHENTICATED: the token is missing, malformed, unknown or revoked.",
  404: "NOT_FOUND: no such record in the token's shop.",
  409: "CONFLICT: the request conflicts with the current state.",
  413: "PAYLOAD_TOO_LARGE: the body is over 1 MB.",
};

const componentRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function fieldSchema(schema: z.ZodType): Record<string, unknown> {
  return withoutDialect(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>);
}

function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(apiV1Registry, {
    io: "input",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)]));
}

function operationObject(operation: ApiOperation): Record<string, unknown> {
  const parameters: Array<Record<string, unknown>> = [];
  for (const param of operation.pathParams ?? []) {
    parameters.push({ name: param.name, in: "path", required: true, description: param.description, schema: fieldSchema(param.schema), example: param.example });
  }
  if (operation.query) {
    for (const [name, field] of Object.entries(operation.query.shape as Record<string, z.ZodType>)) {
      const schema = fieldSchema(field);
      parameters.push({
        name,
        in: "query",
        required: !field.safeParse(undefined).success,
        ...(typeof schema.description === "string" ? { description: schema.description } : {}),
        schema,
        ...(operation.exampleQuery?.[name] !== undefined ? { example: operation.exampleQuery[name] } : {}),
      });
    }
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schemaId ? { content: { "application/json": { schema: componentRef(response.schemaId) } } } : {}),
    };
  }
  for (const status of operation.errors) {
    responses[String(status)] = { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: componentRef("ErrorResponse") } } };
  }
  responses["500"] = { description: "INTERNAL: nothing was changed; retry later.", content: { "application/json": { schema: componentRef("ErrorResponse") } } };
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.tag],
    ...(operation.requiresToken ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: componentRef(operation.body.schemaId), example: operation.body.example } },
          },
        }
      : {}),
    responses,
  };
}

let cached: Record<string, unknown> | undefined;

export function buildOpenApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_V1_OPERATIONS) {
    (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Counterpart integration API",
      version: `${API_VERSION}.0.0`,
      description:
        "Token-authenticated REST API for one shop (SPEC API-1): upsert products, orders with status events and vouchers; read conversations and service analytics; manage the FAQ library. " +
        "Create a token in Settings → API tokens and send it as `Authorization: Bearer cpk_…`. " +
        "Errors are `{ error: { code, message, fieldErrors? } }`. Within v1, fields are only ever added; unknown request fields are ignored.",
    },
    servers: [{ url: API_V1_BASE_PATH }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Catalog", description: "Products shown in the agents' workbench." },
      { name: "Orders", description: "Orders, their items and status events." },
      { name: "Vouchers", description: "Seller vouchers agents send and buyers claim." },
      { name: "Conversations", description: "Chats between buyers and the shop." },
      { name: "Analytics", description: "Service figures: response rate, satisfaction, conversion, times (docs/analytics.md)." },
      { name: "FAQ", description: "The FAQ library behind reply recommendations and automatic answers (docs/faq.md)." },
      { name: "Meta", description: "About the API itself." },
    ],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "cpk_<43 characters>" } },
      schemas: componentSchemas(),
    },
  };
  return cached;
}
