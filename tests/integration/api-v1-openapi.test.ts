// API-1: the OpenAPI document served at /api/v1/openapi.json matches the real routes: every
// documented operation has an exported handler, every /api/v1 route file is documented, and the
// documented examples pass the same zod schemas the handlers use and succeed against them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createBuyer, createShop } from "../factories";
import { AnalyticsResponseSchema } from "../../src/shared/api-v1-analytics";
import { FaqDeleteResponseSchema, FaqEntryResponseSchema, FaqImportResponseSchema, FaqListResponseSchema } from "../../src/shared/api-v1-faq";
import { useTestDatabase } from "../support/test-database";
import { callRoute, createConversation, issueToken, useDbForRoutes } from "./api-v1-support";

const { db } = await useTestDatabase();
useDbForRoutes(db);
const { API_V1_BASE_PATH, API_V1_OPERATIONS, buildOpenApiDocument } = await import("../../src/server/services/integration/openapi");
const schemas = await import("../../src/shared/api-v1-schemas");

const API_DIR = path.resolve(import.meta.dirname, "../../src/app/api/v1");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** src/app/api/v1/orders/[externalId]/events/route.ts → /orders/{externalId}/events */
function routeFiles(): Array<{ file: string; path: string }> {
  const found: Array<{ file: string; path: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const relative = path.relative(API_DIR, path.dirname(full)).split(path.sep).filter(Boolean);
        found.push({ file: full, path: "/" + relative.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}")).join("/") });
      }
    }
  };
  walk(API_DIR);
  return found;
}

function fileForPath(apiPath: string): string {
  return path.join(API_DIR, ...apiPath.split("/").filter(Boolean).map((segment) => segment.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
}

type Handler = Parameters<typeof callRoute>[0];
const loadRoute = async (file: string) => (await import(/* @vite-ignore */ file)) as Record<string, unknown>;

const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  ProductUpsertResponse: schemas.ProductUpsertResponseSchema,
  OrderUpsertResponse: schemas.OrderUpsertResponseSchema,
  OrderEventResponse: schemas.OrderEventResponseSchema,
  VoucherUpsertResponse: schemas.VoucherUpsertResponseSchema,
  ConversationListResponse: schemas.ConversationListResponseSchema,
  ConversationReadResponse: schemas.ConversationReadResponseSchema,
  AnalyticsResponse: AnalyticsResponseSchema,
  FaqEntryResponse: FaqEntryResponseSchema,
  FaqListResponse: FaqListResponseSchema,
  FaqImportResponse: FaqImportResponseSchema,
  FaqDeleteResponse: FaqDeleteResponseSchema,
};

describe("API-1 OpenAPI document", () => {
  const document = buildOpenApiDocument() as {
    openapi: string;
    servers: Array<{ url: string }>;
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, unknown> };
  };

  it("API-1 is OpenAPI 3.1 served at /api/v1/openapi.json without a token", async () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: API_V1_BASE_PATH }]);
    const route = await loadRoute(fileForPath("/openapi.json"));
    const response = await (route.GET as () => Promise<Response>)();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("API-1 every documented path and method is an exported route handler", async () => {
    for (const [apiPath, methods] of Object.entries(document.paths)) {
      const file = fileForPath(apiPath);
      expect(fs.existsSync(file), `${apiPath} has no route file at ${file}`).toBe(true);
      const route = await loadRoute(file);
      for (const method of Object.keys(methods)) {
        expect(typeof route[method.toUpperCase()], `${method.toUpperCase()} ${apiPath} is documented but not exported`).toBe("function");
      }
    }
  });

  it("API-1 every /api/v1 route file and exported method is documented", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const { file, path: apiPath } of files) {
      const route = await loadRoute(file);
      const exported = HTTP_METHODS.filter((method) => typeof route[method] === "function");
      expect(exported.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of exported) {
        expect(document.paths[apiPath]?.[method.toLowerCase()], `${method} ${apiPath} is not in the OpenAPI document`).toBeDefined();
      }
    }
  });

  it("API-1 every $ref points at a component schema", () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const id = ref.replace(/^"\$ref":"#\/components\/schemas\//, "").replace(/"$/, "");
      expect(document.components.schemas[id], ref).toBeDefined();
    }
  });

  it("API-1 the documented request examples validate against the routes' zod schemas", () => {
    for (const operation of API_V1_OPERATIONS) {
      const documented = document.paths[operation.path]![operation.method]!;
      if (operation.body) {
        const result = operation.body.schema.safeParse(operation.body.example);
        expect(result.success, `${operation.operationId} body example: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        const content = (documented.requestBody as { content: Record<string, { example: unknown }> }).content["application/json"]!;
        expect(content.example).toEqual(operation.body.example);
      }
      if (operation.query) {
        const result = operation.query.safeParse(operation.exampleQuery ?? {});
        expect(result.success, `${operation.operationId} query example`).toBe(true);
      }
      for (const param of operation.pathParams ?? []) expect(param.schema.safeParse(param.example).success).toBe(true);
    }
  });

  it("API-1 the documented examples succeed against the real handlers with a documented status and shape", async () => {
    const shop = await createShop(db);
    const token = await issueToken(db, shop.id);
    const buyer = await createBuyer(db, { shopId: shop.id, externalId: "cust-2001" });
    const { conversation } = await createConversation(db, { shopId: shop.id, buyerId: buyer.id, messages: [{ author: "buyer", body: "hi" }] });
    const exampleParams: Record<string, string> = { conversationId: conversation.id };

    for (const operation of API_V1_OPERATIONS) {
      if (!operation.requiresToken) continue;
      const params = Object.fromEntries((operation.pathParams ?? []).map((param) => [param.name, exampleParams[param.name] ?? param.example]));
      const concretePath = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
      const query = new URLSearchParams(operation.exampleQuery ?? {}).toString();
      const route = await loadRoute(fileForPath(operation.path));
      const response = await callRoute(route[operation.method.toUpperCase()] as Handler, {
        method: operation.method.toUpperCase(),
        url: `${API_V1_BASE_PATH}${concretePath}${query ? `?${query}` : ""}`,
        token,
        body: operation.body?.example,
        params,
      });
      const documented = operation.responses[response.status];
      expect(documented, `${operation.operationId} answered ${response.status}: ${JSON.stringify(response.json)}`).toBeDefined();
      // A response without a schema is not JSON (the FAQ CSV export).
      if (documented!.schemaId) {
        const schema = RESPONSE_SCHEMAS[documented!.schemaId]!;
        const parsed = schema.safeParse(response.json);
        expect(parsed.success, `${operation.operationId} response: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }

      // Without a token every operation is refused in the documented error shape.
      const refused = await callRoute(route[operation.method.toUpperCase()] as Handler, {
        method: operation.method.toUpperCase(),
        url: `${API_V1_BASE_PATH}${concretePath}`,
        body: operation.body?.example,
        params,
      });
      expect(refused.status).toBe(401);
      expect(schemas.ErrorResponseSchema.safeParse(refused.json).success).toBe(true);
    }
  });
});
