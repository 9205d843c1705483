// API-1: GET /api/v1/openapi.json — the OpenAPI 3.1 document, public (it describes, it reveals nothing).
import { apiJson } from "@/server/services/integration/define-api-route";
import { buildOpenApiDocument } from "@/server/services/integration/openapi";

export function GET(): Response {
  return apiJson(buildOpenApiDocument());
}
