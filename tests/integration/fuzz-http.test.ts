// NF-3, issue 15 item 8: every HTTP route, found from the file tree, answers hostile, malformed
// and boundary input with a 4xx, never a 5xx or an INTERNAL error, and the app still serves
// afterwards. Inputs come from fast-check with a fixed seed per route (tests/support/fuzz/);
// a failure prints the seed and path to replay it (see docs/security.md ("Input validation and fuzzing")).
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callFuzzed, serverFault, type FuzzCredentials } from "../support/fuzz/http-call";
import { requestsFor } from "../support/fuzz/http-inputs";
import { discoverRoutes, findRouteFiles, NOT_FUZZED_IN_PROCESS, type HttpMethod } from "../support/fuzz/routes";
import { fuzzRunOptions } from "../support/fuzz/run-options";
import { seedFuzzShop, type FuzzShop } from "../support/fuzz/seed";
import { useTestDatabase } from "../support/test-database";
import { useDbForRoutes } from "./api-v1-support";
import { signInAs } from "../support/signed-in-requests";

process.env.NEXTAUTH_SECRET = "fuzz-http-secret-0123456789abcdefghijklmn";
process.env.NEXTAUTH_URL = "http://localhost:3000";

const RUNS_PER_HANDLER = 30;
/** Bounded by the run count; the margin is for a loaded machine, not for slow inputs. */
const FUZZ_TEST_TIMEOUT_MS = 120_000;

const { db } = await useTestDatabase();
useDbForRoutes(db);
const { signWidgetToken } = await import("../../src/server/services/widget/tokens");
const routes = await discoverRoutes();

let shop: FuzzShop;
let credentials: FuzzCredentials;
beforeAll(async () => {
  shop = await seedFuzzShop(db);
  credentials = { apiToken: shop.apiToken, widgetToken: signWidgetToken(process.env.NEXTAUTH_SECRET!, { shopId: shop.shopId, buyerId: shop.buyer.id }, new Date()) };
});

// A fresh sign-in per test: fuzzing DELETE /api/me/sessions really signs the owner out everywhere.
beforeEach(() => signInAs(db, { userId: shop.owner.userId, shopId: shop.shopId }));

describe("NF-3 fuzz: every HTTP route", () => {
  it("NF-3 the suite finds every route file and each exports a handler", () => {
    expect(routes.map((route) => route.file)).toHaveLength(findRouteFiles().length);
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) expect(Object.keys(route.handlers), route.file).not.toHaveLength(0);
  });

  for (const route of routes) {
    if (route.file in NOT_FUZZED_IN_PROCESS) {
      it.skip(`NF-3 fuzz ${route.pattern}: not fuzzed in process (${NOT_FUZZED_IN_PROCESS[route.file]})`, () => {});
      continue;
    }
    for (const method of Object.keys(route.handlers) as HttpMethod[]) {
      const title = `NF-3 fuzz ${method} ${route.pattern} never answers 5xx or INTERNAL`;
      it(title, async () => {
        const pools = { ids: shop.ids, idsByNoun: shop.idsByNoun, externalIds: shop.externalIds };
        const statuses = new Map<number, number>();
        await fc.assert(
          fc.asyncProperty(requestsFor(route, method, pools), async (request) => {
            const response = await callFuzzed(route, request, credentials);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const fault = serverFault(response);
            if (fault) throw new Error(fault);
          }),
          fuzzRunOptions(title, RUNS_PER_HANDLER),
        );
        // FUZZ_STATS=1 shows how deep the inputs got: all 400s means the generator needs work.
        if (process.env.FUZZ_STATS) console.log(`${method} ${route.pattern}`, Object.fromEntries(statuses));
      }, FUZZ_TEST_TIMEOUT_MS);
    }
  }

  it("NF-3 after the fuzzing the member, integration and widget routes still serve", async () => {
    const byPattern = (pattern: string) => routes.find((route) => route.pattern === pattern)!;
    const member = await callFuzzed(byPattern("/api/console/me"), { method: "GET", params: {}, query: {} }, credentials);
    expect(member.status, member.text).toBe(200);
    const integration = await callFuzzed(byPattern("/api/v1/conversations"), { method: "GET", params: {}, query: {} }, credentials);
    expect(integration.status, integration.text).toBe(200);
    const openapi = await callFuzzed(byPattern("/api/v1/openapi.json"), { method: "GET", params: {}, query: {} }, credentials);
    expect(openapi.status).toBe(200);
  });
});
