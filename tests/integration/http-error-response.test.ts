// Issue 9 item 4, NF-3: one HTTP error responder (src/server/http/error-response.ts) behind
// member routes, public routes and /api/v1. The same failure answers the same status and body
// from all three: an AppError its status with `{ error: { code, message, fieldErrors? } }`, a
// real unique violation or serialization failure from PostgreSQL 409 CONFLICT (member routes
// used to answer 500), a rate limit 429 with Retry-After, anything else 500 INTERNAL with no
// internals. The errors come from the real database, not from stand-ins.
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../src/core/errors";
import type { Database } from "../../src/server/db/client";
import { createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { issueToken, useDbForRoutes } from "./api-v1-support";
import { signInAs, signedInRequest } from "../support/signed-in-requests";


const { db } = await useTestDatabase();
useDbForRoutes(db);
const { defineMemberRoute } = await import("../../src/server/http/define-route");
const { respondJson, RateLimitedError } = await import("../../src/server/http/public-route");
const { defineApiRoute } = await import("../../src/server/services/integration/define-api-route");
const { resolveMemberContext } = await import("../../src/server/services/resolve-member");
const { performService } = await import("../../src/server/services/call-service");
const { updateTeamMember } = await import("../../src/server/services/team/update-team-member");

type Failure = (db: Database) => Promise<unknown>;
type Definer = "member" | "public" | "api";

/** Calls a route built by each definer whose work is `fail`, signed in (member) or with a token (api). */
async function answerOf(definer: Definer, fail: Failure): Promise<{ status: number; headers: Headers; body: unknown }> {
  const shop = await createShop(db);
  let response: Response;
  if (definer === "member") {
    const member = await createMember(db, { shopId: shop.id, role: "owner" });
    await signInAs(db, { userId: member.userId, shopId: shop.id });
    const route = defineMemberRoute({ action: "team:read", handler: () => fail(db) });
    response = await route(signedInRequest("http://localhost/x"), { params: Promise.resolve({}) });
  } else if (definer === "public") {
    response = await respondJson(() => fail(db));
  } else {
    const token = await issueToken(db, shop.id);
    const route = defineApiRoute({ auth: "token", handler: async ({ db: handle }) => ({ body: { data: await fail(handle) } }) });
    response = await route(signedInRequest("http://localhost/api/v1/x", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  }
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Inserts the same (shop, user) membership twice: PostgreSQL's unique index refuses the second. */
const uniqueViolation: Failure = async (handle) => {
  const shop = await createShop(handle);
  const member = await createMember(handle, { shopId: shop.id });
  return handle.member.create({ data: { shopId: shop.id, userId: member.userId, nickname: "Twice", role: "agent" } });
};

/** The same refusal from a raw statement, which Prisma reports differently (P2010 around the adapter's error). */
const rawUniqueViolation: Failure = async (handle) => {
  const shop = await createShop(handle);
  const member = await createMember(handle, { shopId: shop.id });
  return handle.$executeRaw`INSERT INTO "Member" ("id", "shopId", "userId", "nickname", "role", "updatedAt")
    VALUES (gen_random_uuid(), ${shop.id}::uuid, ${member.userId}::uuid, 'Twice', 'agent', now())`;
};

/**
 * Two serializable transactions each read the row the other writes, then both commit: PostgreSQL
 * aborts one with a serialization failure (40001), which Prisma reports as P2034. Each step waits
 * for the other transaction's step, so the interleaving is fixed without sleeps.
 */
const serializationFailure: Failure = async (handle) => {
  const shop = await createShop(handle);
  const [a, b] = await Promise.all([createMember(handle, { shopId: shop.id }), createMember(handle, { shopId: shop.id })]);
  const barrier = () => {
    let arrive!: () => void;
    let count = 0;
    const all = new Promise<void>((resolve) => (arrive = resolve));
    return () => {
      count += 1;
      if (count === 2) arrive();
      return all;
    };
  };
  const bothRead = barrier();
  const bothWrote = barrier();
  const run = (readId: string, writeId: string) =>
    handle.$transaction(async (tx) => {
      await tx.member.findUniqueOrThrow({ where: { id: readId } });
      await bothRead();
      await tx.member.update({ where: { id: writeId }, data: { maxCapacity: { increment: 1 } } });
      await bothWrote();
    }, { isolationLevel: "Serializable" }).catch((error: unknown) => {
      // Aborted before the commit: let the other transaction go on rather than wait for this one.
      void bothRead();
      void bothWrote();
      throw error;
    });
  const outcomes = await Promise.allSettled([run(a.id, b.id), run(b.id, a.id)]);
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return null;
};

const badInput: Failure = async () => {
  throw new AppError("BAD_INPUT", "Some fields are not valid.", { name: ["Enter a name"] });
};
const rateLimited: Failure = async () => {
  throw new RateLimitedError("Too many requests. Try again in 3 s.", 2_500);
};
const unexpected: Failure = async (handle) => handle.$queryRawUnsafe("SELECT * FROM table_that_does_not_exist_secret_x");

const DEFINERS: Definer[] = ["member", "public", "api"];

describe("issue 9: one HTTP error responder", () => {
  it.each(DEFINERS)("issue 9: a unique violation from PostgreSQL answers 409 CONFLICT on a %s route, not 500", async (definer) => {
    const answer = await answerOf(definer, uniqueViolation);
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ error: { code: "CONFLICT", message: expect.stringMatching(/same moment/) } });
  });

  it.each(DEFINERS)("issue 9: a unique violation in a raw statement answers 409 CONFLICT on a %s route", async (definer) => {
    const answer = await answerOf(definer, rawUniqueViolation);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: "CONFLICT" } });
  });

  it.each(DEFINERS)("issue 9: a serialization failure (40001 at commit) answers 409 CONFLICT on a %s route", async (definer) => {
    const answer = await answerOf(definer, serializationFailure);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: "CONFLICT" } });
  });

  it("issue 9 NF-3: all three definers answer the same status and body for the same failure", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const [failure, status] of [[badInput, 400], [uniqueViolation, 409], [rateLimited, 429], [unexpected, 500]] as const) {
      const answers = [];
      for (const definer of DEFINERS) answers.push(await answerOf(definer, failure));
      expect(answers.map((answer) => answer.status)).toEqual([status, status, status]);
      expect(answers[1]!.body).toEqual(answers[0]!.body);
      expect(answers[2]!.body).toEqual(answers[0]!.body);
    }
    quiet.mockRestore();
  });

  it.each(DEFINERS)("issue 9: an AppError keeps its code, message and field errors on a %s route", async (definer) => {
    const answer = await answerOf(definer, badInput);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "BAD_INPUT", message: "Some fields are not valid.", fieldErrors: { name: ["Enter a name"] } } } });
  });

  it.each(DEFINERS)("NF-3: a rate limit answers 429 with Retry-After in whole seconds on a %s route", async (definer) => {
    const answer = await answerOf(definer, rateLimited);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("3");
    expect(answer.body).toEqual({ error: { code: "RATE_LIMITED", message: "Too many requests. Try again in 3 s." } });
  });

  it.each(DEFINERS)("NF-3: an unexpected database error answers 500 INTERNAL naming nothing inside on a %s route", async (definer) => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answer = await answerOf(definer, unexpected);
    quiet.mockRestore();
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." } });
    expect(JSON.stringify(answer.body)).not.toMatch(/table_that_does_not_exist|secret|prisma|SELECT/i);
  });

  it("issue 9: /api/v1 errors keep the API's headers", async () => {
    const answer = await answerOf("api", uniqueViolation);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("x-counterpart-api-version")).toBe("1");
  });
});

describe("issue 9: services return their effects, the adapter applies them", () => {
  it("TEAM-4 ASSIGN-4: a capacity raise answers the member and asks for a drain; performService applies it", async () => {
    const shop = await createShop(db);
    const owner = await createMember(db, { shopId: shop.id, role: "owner" });
    const agent = await createMember(db, { shopId: shop.id, maxCapacity: 2 });
    const actor = (await resolveMemberContext(db, { userId: owner.userId, shopId: shop.id }))!;

    const raised = await updateTeamMember(db, { actor, memberId: agent.id, changes: { maxCapacity: 5 } });
    expect(raised.data.maxCapacity).toBe(5);
    expect(raised.events).toEqual([{ target: "console", rooms: [`shop:${shop.id}`], event: "member.changed", payload: { memberId: agent.id, change: "updated" } }]);
    expect(raised.drain).toEqual([shop.id]);

    const lowered = await updateTeamMember(db, { actor, memberId: agent.id, changes: { maxCapacity: 3 } });
    expect(lowered.drain).toEqual([]);

    expect(await performService(updateTeamMember, { actor, memberId: agent.id, changes: { maxCapacity: 4 } })).toMatchObject({ memberId: agent.id, maxCapacity: 4 });
  });
});
