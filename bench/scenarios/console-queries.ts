// Over 300 lines on purpose: one scenario, whose generator, measured calls and report belong together.
// Issue 6, item 8: the console's list, counts and search on a shop with years of history.
//
//   npm run bench -- console-queries [--fresh] [--runs=200] [--conversations=100000] [--explain] [--only=<text>]
//
// Generates (once; reused while the marker matches, --fresh regenerates) a shop with 100,000
// conversations and 2,000,000 messages in a dedicated database, with set-based SQL only
// (generate_series), then calls the same service functions the console's routes call, many
// times each, for an agent and for an admin who sees every chat. BENCH_DATABASE_URL names the
// database (default postgresql://postgres@127.0.0.1:5432/cp_bench_console); it is created on
// that server when missing. --explain prints EXPLAIN (ANALYZE, BUFFERS) of every SQL statement
// each operation runs, once, before timing: the way the indexes in schema.prisma were chosen.
import os from "node:os";
import pg from "pg";
import { Prisma } from "../../src/generated/prisma/client";
import { applyMigrations } from "../../src/server/db/migrate";
import { createPrismaClient, type Database } from "../../src/server/db/client";
import { resolveMemberContext, type MemberContext } from "../../src/server/services/resolve-member";
import { countStatuses, listChats, searchChats, type ListChatsInput } from "../../src/server/services/console-lists";
import type { CategoryFilter } from "../../src/core/console";
import { hashPassword } from "../../src/server/auth/password";
import { round2, summarize, time, percentile } from "../stats";
import { createJsonClient, signInThroughProduct, startConsoleServer, type ConsoleServer, type JsonClient } from "../support/console-http";

const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/cp_bench_console";
const MESSAGES_PER_CONVERSATION = 20;
const AGENTS = 25;
/** Open sessions go to the first 20 agents: about 100 each, half their capacity. */
const AGENTS_WITH_OPEN_CHATS = 20;
/** The instant the data is generated around, so that SLA buckets are the same on every run. */
export const NOW = new Date("2025-06-01T12:00:00.000Z");
export const SHOP_KEY = "pk_bench_console";
/** Bump when the generated data changes, so that an older bench database is regenerated. */
const DATA_VERSION = 3;
/** The HTTP side's server signs its session cookies with this; the bench members sign in with BENCH_PASSWORD. */
const AUTH_SECRET = "bench-console-secret-with-more-than-32-characters";
const BENCH_PASSWORD = "bench-console-password-1";

type Actor = "agent" | "admin";
interface HttpSide {
  get(path: string, actor: Actor): Promise<unknown>;
  startMs: number;
}

export interface Options {
  fresh: boolean;
  explain: boolean;
  /** Measure only the operations whose name contains this text. */
  only: string | null;
  runs: number;
  conversations: number;
  /** Also measure through the product's HTTP routes (default; --no-http skips it). */
  http: boolean;
  port: number;
}

function parseArgs(args: string[]): Options {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  return {
    fresh: args.includes("--fresh"),
    explain: args.includes("--explain"),
    only: value("only") ?? null,
    runs: Number(value("runs") ?? 200),
    conversations: Number(value("conversations") ?? 100_000),
    http: !args.includes("--no-http"),
    port: Number(value("port") ?? 3520),
  };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const options = parseArgs(args);
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
  const generation = await ensureData(url, options);

  const db = createPrismaClient(url, { max: 10 });
  let server: ConsoleServer | null = null;
  let client: JsonClient | null = null;
  try {
    const { agent, admin } = await loadActors(db);
    let http: HttpSide | null = null;
    if (options.http) {
      // The two members sign in with a password, as a person does on /sign-in.
      const passwordHash = await hashPassword(BENCH_PASSWORD);
      await db.user.updateMany({ where: { id: { in: [agent.userId, admin.userId] } }, data: { passwordHash } });
      console.log(`starting the product's server (production build) on port ${options.port}…`);
      server = await startConsoleServer({ databaseUrl: url, port: options.port, authSecret: AUTH_SECRET, clockStart: NOW });
      const opened = createJsonClient(server.baseUrl);
      client = opened;
      const cookies = {
        agent: await signInThroughProduct(server.baseUrl, agent.email, BENCH_PASSWORD),
        admin: await signInThroughProduct(server.baseUrl, admin.email, BENCH_PASSWORD),
      };
      http = { get: (path, actor) => opened.get(path, cookies[actor]), startMs: server.startMs };
    }
    const explainer = options.explain ? await createExplainer(db, url) : null;
    try {
      // The machine is shared: the load around the measurement says how much to trust it.
      const loadBefore = os.loadavg()[0]!;
      const figures = await measure(explainer?.db ?? db, { agent, admin, runs: options.runs, explainer, only: options.only, http });
      return { ...generation, ...figures, cpus: os.cpus().length, load_average_1m_before: round2(loadBefore), load_average_1m_after: round2(os.loadavg()[0]!) };
    } finally {
      await explainer?.close();
    }
  } finally {
    client?.close();
    await server?.stop();
    await db.$disconnect();
  }
}

// ─── Data ──────────────────────────────────────────────────────────────────

/** Also used by the analytics benchmark, which adds its own facts on top of this shop. */
export async function ensureData(url: string, options: Pick<Options, "fresh" | "conversations">) {
  const marker = `Bench console ${options.conversations}x${MESSAGES_PER_CONVERSATION} v${DATA_VERSION}`;
  const adminUrl = new URL(url);
  const database = decodeURIComponent(adminUrl.pathname.slice(1));
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount === 1;
    // Data from another generator version (or --fresh): start from an empty database.
    const isCurrent = exists && !options.fresh && (await readMarker(url)) === marker;
    if (exists && !isCurrent) await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
    if (!isCurrent) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }

  console.log("applying migrations…");
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let generateSeconds: number | null = null;
    if ((await readMarker(url)) !== marker) {
      const started = Date.now();
      await generate(client, options.conversations, marker);
      generateSeconds = Math.round((Date.now() - started) / 100) / 10;
    } else {
      console.log("reusing the generated data (--fresh regenerates)");
    }
    console.log("vacuum analyze…");
    await client.query("VACUUM ANALYZE");
    const counts = await client.query<{ conversations: number; messages: number; sessions: number; active: number; orders: number }>(`
      SELECT (SELECT count(*) FROM "Conversation")::int AS conversations, (SELECT count(*) FROM "Message")::int AS messages,
             (SELECT count(*) FROM "ChatSession")::int AS sessions,
             (SELECT count(*) FROM "ChatSession" WHERE state IN ('queued', 'open'))::int AS active,
             (SELECT count(*) FROM "Order")::int AS orders`);
    const row = counts.rows[0]!;
    return {
      conversations: row.conversations,
      messages: row.messages,
      sessions: row.sessions,
      active_sessions: row.active,
      orders: row.orders,
      generate_seconds: generateSeconds,
    };
  } finally {
    await client.end();
  }
}

/** The generated shop's name says which generator made it; null when there is none. */
async function readMarker(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(`SELECT name FROM "Shop" WHERE "publicKey" = $1`, [SHOP_KEY]);
    return result.rows[0]?.name ?? null;
  } catch {
    return null; // not migrated yet
  } finally {
    await client.end();
  }
}

async function step(client: pg.Client, label: string, sql: string, params: unknown[] = []): Promise<void> {
  const started = Date.now();
  await client.query(sql, params);
  console.log(`  ${label.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Everything set-based; pseudo-random values come from hashing the row number, so runs agree. */
async function generate(client: pg.Client, conversations: number, marker: string): Promise<void> {
  console.log(`generating ${conversations} conversations, ${conversations * MESSAGES_PER_CONVERSATION} messages…`);
  const now = NOW.toISOString();
  await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'");
  await client.query("BEGIN");
  // h(i, salt) in [0, 1): a cheap deterministic hash.
  await step(client, "helpers", `
    CREATE OR REPLACE FUNCTION pg_temp.h(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
      $$ SELECT ((i * 2654435761 + salt * 40503) % 1000003)::float8 / 1000003 $$`);
  await step(client, "shop, users and members", `
    WITH shop AS (
      INSERT INTO "Shop" (id, name, "publicKey", "identitySecret")
      VALUES (gen_random_uuid(), $1, '${SHOP_KEY}', 'bench-secret') RETURNING id
    ), settings AS (
      INSERT INTO "ShopSettings" ("shopId", "updatedAt") SELECT id, now() FROM shop
    ), people AS (
      SELECT n, CASE WHEN n = 0 THEN 'owner' WHEN n <= 2 THEN 'admin' ELSE 'agent' END AS role,
             CASE WHEN n = 0 THEN 'owner' WHEN n <= 2 THEN 'admin' || n ELSE 'agent' || (n - 2) END AS handle
      FROM generate_series(0, ${AGENTS + 2}) n
    ), users AS (
      INSERT INTO "User" (id, email, name)
      SELECT gen_random_uuid(), handle || '@bench.counterpart.local', handle FROM people RETURNING id, email
    )
    INSERT INTO "Member" (id, "shopId", "userId", role, status, nickname, "maxCapacity", "updatedAt")
    SELECT gen_random_uuid(), shop.id, users.id, people.role::"MemberRole", 'active', initcap(people.handle), 200, now()
    FROM people JOIN users ON users.email = people.handle || '@bench.counterpart.local' CROSS JOIN shop`, [marker]);
  await step(client, "agents table", `
    CREATE TEMP TABLE g_agent AS
    SELECT (row_number() OVER (ORDER BY m.nickname COLLATE "C") - 1)::int AS n, m.id
    FROM "Member" m WHERE m.role = 'agent' AND m."shopId" = (SELECT id FROM "Shop" WHERE "publicKey" = '${SHOP_KEY}')`);
  // Agents sort as Agent1, Agent10, Agent11…; the numbering only has to be stable.
  await step(client, "conversation plan", `
    CREATE TEMP TABLE g_conv AS
    SELECT i, gen_random_uuid() AS conv_id, gen_random_uuid() AS buyer_id,
           1 + (i % 3 = 0)::int + (i % 7 = 0)::int AS sessions,
           (i % 42 = 0) AS is_active
    FROM generate_series(1, ${conversations}) i`);
  await step(client, "session plan", `
    CREATE TEMP TABLE g_sess AS
    SELECT c.i, j, gen_random_uuid() AS id, c.conv_id,
           (c.is_active AND j = c.sessions - 1) AS is_active,
           CASE WHEN c.is_active AND j = c.sessions - 1
                THEN '${now}'::timestamp - interval '1 hour' - interval '47 hours' * pg_temp.h(c.i, 1)
                ELSE '${now}'::timestamp - interval '60 days' - interval '1035 days' * pg_temp.h(c.i, 2) + interval '20 days' * j END AS started_at
    FROM g_conv c CROSS JOIN LATERAL generate_series(0, c.sessions - 1) j`);
  await step(client, "analyze plans", "ANALYZE g_conv; ANALYZE g_sess; ANALYZE g_agent");
  await step(client, "buyers", `
    INSERT INTO "Buyer" (id, "shopId", "externalId", nickname, "createdAt")
    SELECT c.buyer_id, s.id, 'cust-' || c.i,
           (ARRAY['mia','leo','sam','nora','ava','ben','chloe','dan','eve','finn','gus','hana','ivy','jon','kai','lena','max','noah','olga','pia'])[1 + c.i % 20]
             || (ARRAY['_reads','.k','_tea_fan','_w','_shop','88','_home','_loves_tea','.b','_x'])[1 + (c.i / 20) % 10] || '_' || c.i,
           '${now}'::timestamp - interval '1100 days' * pg_temp.h(c.i, 2)
    FROM g_conv c CROSS JOIN (SELECT id FROM "Shop" WHERE "publicKey" = '${SHOP_KEY}') s`);
  await step(client, "conversations", `
    INSERT INTO "Conversation" (id, "shopId", "buyerId", "lastSeq", "createdAt")
    SELECT c.conv_id, s.id, c.buyer_id, ${MESSAGES_PER_CONVERSATION}, '${now}'::timestamp - interval '1100 days' * pg_temp.h(c.i, 2)
    FROM g_conv c CROSS JOIN (SELECT id FROM "Shop" WHERE "publicKey" = '${SHOP_KEY}') s`);
  await step(client, "sessions", `
    INSERT INTO "ChatSession" (id, "shopId", "conversationId", state, category, "assigneeId", starred, "queuedAt", "assignedAt",
      "firstResponseAt", "oldestUnansweredAt", "lastBuyerMessageAt", "lastAgentMessageAt", "closedAt", "createdAt", "updatedAt")
    SELECT g.id, shop.id, g.conv_id, x.state::"SessionState",
           (ARRAY[NULL, 'pre_purchase', 'logistics', 'after_sales'])[1 + g.i % 4]::"SessionCategory",
           CASE WHEN x.state = 'queued' THEN NULL
                WHEN x.state = 'open' THEN (SELECT id FROM g_agent WHERE n = (g.i / 42) % ${AGENTS_WITH_OPEN_CHATS})
                ELSE (SELECT id FROM g_agent WHERE n = (g.i * 3 + g.j) % ${AGENTS}) END,
           (g.i + g.j) % 17 = 0,
           g.started_at, g.started_at + interval '1 second', g.started_at + interval '6 minutes',
           CASE WHEN (g.is_active AND (g.i / 42) % 5 < 3) OR x.state = 'expired' THEN g.started_at + interval '3 minutes' END,
           g.started_at + interval '30 minutes', g.started_at + interval '27 minutes',
           CASE WHEN x.state IN ('ended', 'expired') THEN g.started_at + interval '2 hours' END,
           g.started_at, g.started_at
    FROM g_sess g
    CROSS JOIN (SELECT id FROM "Shop" WHERE "publicKey" = '${SHOP_KEY}') shop
    CROSS JOIN LATERAL (SELECT CASE WHEN NOT g.is_active THEN (CASE WHEN (g.i + g.j) % 10 = 0 THEN 'expired' ELSE 'ended' END)
                                    WHEN g.i % 252 = 0 THEN 'queued' ELSE 'open' END AS state) x
    ORDER BY g.started_at`);
  // Rows are inserted in time order, as a live shop writes them: recent (active) sessions and
// messages share heap pages, old ones sit in old pages. Loading 2M rows is much faster without
// the secondary indexes; they are rebuilt after.
  const indexes = await client.query<{ indexname: string; indexdef: string }>(`
    SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'Message' AND indexname <> 'Message_pkey'`);
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.indexname}"`);
  await step(client, `messages (${conversations * MESSAGES_PER_CONVERSATION})`, `
    INSERT INTO "Message" (id, "shopId", "conversationId", "sessionId", seq, "authorType", "authorMemberId", kind, body, "createdAt")
    SELECT gen_random_uuid(), shop.id, c.conv_id, s.id, t,
           CASE WHEN t % 2 = 1 THEN 'buyer' ELSE 'agent' END::"AuthorType", NULL, 'text',
           CASE WHEN t % 2 = 1 THEN format((ARRAY[
               'Hi, is the %1$s still available? I would like %2$s of them.',
               'Where is my order ORD-%3$s? It has been %2$s days already.',
               'The %1$s arrived damaged, can I get a refund please?',
               'Can you ship the %1$s to my office address instead?',
               'Do you have a discount voucher for the %1$s?',
               'My parcel with tracking number TRK%3$sUS has not moved since Monday.',
               'What is the size of the %1$s? Is it dishwasher safe?',
               'Thank you so much, the %1$s is lovely!'])[1 + (c.i * 7 + t) % 8], p.name, 1 + (c.i + t) % 9, 100000 + (c.i * 13 + t) % 60000)
             ELSE format((ARRAY[
               'Thanks for reaching out! The %1$s is in stock and ships within 24 hours.',
               'I have checked order ORD-%3$s: it left our warehouse yesterday.',
               'Sorry to hear that. I have started a return for the %1$s.',
               'Here is a voucher code SAVE%2$s for your next order.',
               'The %1$s holds 800 ml and is dishwasher safe.',
               'You are welcome! Have a lovely day.'])[1 + (c.i * 5 + t) % 6], p.name, 1 + (c.i + t) % 9, 100000 + (c.i * 13 + t) % 60000)
           END || CASE WHEN (c.i * ${MESSAGES_PER_CONVERSATION} + t) % 997 = 0 THEN ' Ref ' || upper(substr(md5((c.i * 100 + t)::text), 1, 8)) ELSE '' END,
           s.started_at + interval '3 minutes' * t
    FROM g_conv c
    CROSS JOIN generate_series(1, ${MESSAGES_PER_CONVERSATION}) t
    JOIN g_sess s ON s.i = c.i AND s.j = ((t - 1) * c.sessions) / ${MESSAGES_PER_CONVERSATION}
    CROSS JOIN LATERAL (SELECT (ARRAY['sencha green tea','earl grey','stoneware mug','glass teapot','cast-iron kettle','bamboo scoop',
        'linen towel','matcha whisk','oolong sampler','rooibos blend','chai spice mix','ceramic cup set','tea strainer','travel tumbler',
        'honey jar','gift box','jasmine pearls','hojicha','genmaicha','white peony','darjeeling','assam breakfast','tea cozy','kettle descaler'])
        [1 + (c.i * 3 + t / 2) % 24] AS name) p
    CROSS JOIN (SELECT id FROM "Shop" WHERE "publicKey" = '${SHOP_KEY}') shop
    ORDER BY s.started_at + interval '3 minutes' * t`);
  for (const index of indexes.rows) await step(client, `index ${index.indexname}`, index.indexdef);
  await step(client, "conversation last message", `
    UPDATE "Conversation" c SET "lastMessageAt" = m."createdAt", "lastMessagePreview" = left(m.body, 140)
    FROM "Message" m WHERE m."conversationId" = c.id AND m.seq = ${MESSAGES_PER_CONVERSATION}`);
  await step(client, "conversation active session", `
    UPDATE "Conversation" c SET "activeSessionId" = s.id FROM g_sess s WHERE s.conv_id = c.id AND s.is_active`);
  // Agents have read their chats, except a quarter of the open ones (one buyer message unread).
  await step(client, "read positions", `
    INSERT INTO "ConversationRead" ("memberId", "conversationId", "lastReadSeq", "updatedAt")
    SELECT DISTINCT ON (s."assigneeId", s."conversationId") s."assigneeId", s."conversationId",
           CASE WHEN s.state = 'open' AND g.i % 4 = 0 THEN ${MESSAGES_PER_CONVERSATION - 2} ELSE ${MESSAGES_PER_CONVERSATION} END, now()
    FROM "ChatSession" s JOIN g_sess g ON g.id = s.id
    WHERE s."assigneeId" IS NOT NULL
    ORDER BY s."assigneeId", s."conversationId", s.state = 'open' DESC`);
  // ASSIGN-8: every assigned session has its assignment record (search reads them for visibility).
  await step(client, "assignment records", `
    INSERT INTO "Assignment" (id, "shopId", "sessionId", kind, "toMemberId", mode, "createdAt")
    SELECT gen_random_uuid(), s."shopId", s.id, 'auto', s."assigneeId", 'lowest_workload', s."assignedAt"
    FROM "ChatSession" s WHERE s."assigneeId" IS NOT NULL
    ORDER BY s."assignedAt"`);
  // One session in 50 reached its holder by a transfer from another agent, who handed it on.
  await step(client, "transfers", `
    INSERT INTO "Assignment" (id, "shopId", "sessionId", kind, "fromMemberId", "toMemberId", "actorMemberId", "createdAt")
    SELECT gen_random_uuid(), s."shopId", s.id, 'transfer', other.id, s."assigneeId", other.id, s."assignedAt" + interval '10 minutes'
    FROM "ChatSession" s JOIN g_sess g ON g.id = s.id
    JOIN g_agent me ON me.id = s."assigneeId"
    JOIN g_agent other ON other.n = (me.n + 1) % ${AGENTS}
    WHERE s."assigneeId" IS NOT NULL AND (g.i + g.j) % 50 = 7`);
  await step(client, "open session counts", `
    UPDATE "Member" m SET "openSessionCount" = x.n
    FROM (SELECT "assigneeId", count(*)::int AS n FROM "ChatSession" WHERE state = 'open' GROUP BY 1) x WHERE x."assigneeId" = m.id`);
  await step(client, "orders", `
    INSERT INTO "Order" (id, "shopId", "buyerId", "externalId", status, "totalCents", "placedAt", "updatedAt")
    SELECT gen_random_uuid(), shop.id, c.buyer_id, 'ORD-' || (100000 + j),
           (ARRAY['unpaid','to_ship','shipped','out_for_delivery','delayed','delivered','cancelled','returned'])[1 + j % 8]::"OrderStatus",
           500 + (j * 37) % 20000, '${now}'::timestamp - interval '1000 days' * pg_temp.h(j, 3), now()
    FROM generate_series(0, ${Math.round(conversations * 0.6) - 1}) j
    JOIN g_conv c ON c.i = 1 + (j * 7) % ${conversations}
    CROSS JOIN (SELECT id FROM "Shop" WHERE "publicKey" = '${SHOP_KEY}') shop`);
  await client.query("COMMIT");
}

// ─── Measurement ───────────────────────────────────────────────────────────

async function loadActors(db: Database): Promise<{ agent: MemberContext; admin: MemberContext }> {
  const shop = await db.shop.findUniqueOrThrow({ where: { publicKey: SHOP_KEY } });
  // The agent holding the most open chats, and an admin (chat access management: sees all).
  const agentRow = await db.member.findFirstOrThrow({ where: { shopId: shop.id, role: "agent" }, orderBy: [{ openSessionCount: "desc" }, { nickname: "asc" }] });
  const adminRow = await db.member.findFirstOrThrow({ where: { shopId: shop.id, role: "admin" }, orderBy: { nickname: "asc" } });
  const agent = await resolveMemberContext(db, { userId: agentRow.userId, shopId: shop.id });
  const admin = await resolveMemberContext(db, { userId: adminRow.userId, shopId: shop.id });
  if (!agent || !admin) throw new Error("bench members missing");
  return { agent, admin };
}

type Operation = {
  kind: "list" | "counts" | "search";
  name: string;
  /** The service call, as the route makes it. */
  call: () => Promise<unknown>;
  /** The same call as the console's browser code makes it (src/components/console/chat-list/api.ts). */
  actor: Actor;
  path: string;
};

/**
 * A Database whose raw queries are also explained (on a separate connection, with the same
 * parameters) while `isExplaining` is set; everything else passes through.
 */
async function createExplainer(db: Database, url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const state = { isExplaining: false };
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
      return async (strings: TemplateStringsArray, ...values: unknown[]) => {
        if (state.isExplaining) {
          const query = Prisma.sql(strings, ...values);
          const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values as unknown[]);
          console.log(plan.rows.map((row) => `      ${row["QUERY PLAN"]}`).join("\n"));
        }
        return target.$queryRaw(strings, ...values);
      };
    },
  });
  return { db: proxy, state, close: () => client.end() };
}

async function measure(
  db: Database,
  input: {
    agent: MemberContext;
    admin: MemberContext;
    runs: number;
    explainer: { state: { isExplaining: boolean } } | null;
    only: string | null;
    http: HttpSide | null;
  },
) {
  const { agent, admin } = input;
  const now = NOW;
  const agentHistory = await listChats(db, { member: agent, list: "history", now });
  const adminHistory = await listChats(db, { member: admin, list: "history", now });
  const adminAll = await listChats(db, { member: admin, list: "all", sort: "waiting_time", now });
  const rareToken = await db.$queryRaw<Array<{ token: string }>>`
    SELECT substring(body from 'Ref ([0-9A-F]{8})') AS token FROM "Message" WHERE body LIKE '% Ref %' ORDER BY id LIMIT 1`;
  const someNickname = await db.buyer.findFirstOrThrow({ where: { externalId: "cust-4242" }, select: { nickname: true } });

  const members = { agent, admin };
  type ListInput = Omit<ListChatsInput, "member" | "now">;
  const list = (name: string, actor: Actor, query: ListInput): Operation => {
    // As fetchListPage builds it: list and category always, the rest when set.
    const params = new URLSearchParams({ list: query.list, category: query.category ?? "all" });
    if (query.status) params.set("status", query.status);
    if (query.sort) params.set("sort", query.sort);
    if (query.cursor) params.set("cursor", query.cursor);
    return { kind: "list", name, actor, call: () => listChats(db, { member: members[actor], ...query, now }), path: `/api/console/lists?${params}` };
  };
  const counts = (name: string, actor: Actor, category?: CategoryFilter): Operation => ({
    kind: "counts", name, actor,
    call: () => countStatuses(db, { member: members[actor], category, now }),
    path: `/api/console/counts?${new URLSearchParams({ category: category ?? "all" })}`,
  });
  const operations: Operation[] = [
    list("agent assigned, waiting time", "agent", { list: "assigned", sort: "waiting_time" }),
    list("agent assigned, latest", "agent", { list: "assigned", sort: "latest" }),
    list("agent assigned, remembered sort", "agent", { list: "assigned" }),
    list("agent assigned, overdue", "agent", { list: "assigned", status: "overdue" }),
    list("agent assigned, unread", "agent", { list: "assigned", status: "unread" }),
    list("agent assigned, logistics", "agent", { list: "assigned", category: "logistics" }),
    list("agent unassigned", "agent", { list: "unassigned" }),
    list("agent history", "agent", { list: "history" }),
    list("agent history, page 2", "agent", { list: "history", cursor: agentHistory.nextCursor ?? undefined }),
    list("admin all open, waiting time", "admin", { list: "all", sort: "waiting_time" }),
    list("admin all open, page 2", "admin", { list: "all", sort: "waiting_time", cursor: adminAll.nextCursor ?? undefined }),
    list("admin all open, latest", "admin", { list: "all", sort: "latest" }),
    list("admin all open, due soon", "admin", { list: "all", status: "due_soon" }),
    list("admin all open, starred", "admin", { list: "all", status: "starred" }),
    list("admin history", "admin", { list: "history" }),
    list("admin history, page 2", "admin", { list: "history", cursor: adminHistory.nextCursor ?? undefined }),
    list("admin history, after-sales", "admin", { list: "history", category: "after_sales" }),
    counts("agent counts", "agent"),
    counts("agent counts, logistics", "agent", "logistics"),
    counts("admin counts", "admin"),
    counts("admin counts, after-sales", "admin", "after_sales"),
  ];
  const searches: Array<[string, string]> = [
    ["order id, exact", "ORD-124017"],
    ["order id, partial", "24017"],
    ["nickname, exact", someNickname.nickname],
    ["nickname, common part", "nora_w"],
    ["keyword, common", "kettle"],
    ["keyword, medium", "dishwasher"],
    ["keyword, rare", rareToken[0]?.token ?? "ZZZZZZZZ"],
    ["keyword, no match", "xylophone"],
  ];
  for (const [name, q] of searches) {
    for (const actor of ["agent", "admin"] as const) {
      operations.push({ kind: "search", name: `${actor} search ${name}`, actor, call: () => searchChats(db, { member: members[actor], q }), path: `/api/console/search?${new URLSearchParams({ q })}` });
    }
  }

  const kinds = ["list", "counts", "search"] as const;
  const samples: Record<Operation["kind"], number[]> = { list: [], counts: [], search: [] };
  const httpSamples: Record<Operation["kind"], number[]> = { list: [], counts: [], search: [] };
  const perOperation: Record<string, ReturnType<typeof summarize>> = {};
  const perOperationHttp: Record<string, ReturnType<typeof summarize>> = {};
  const differingSearches: string[] = [];
  const selected = operations.filter((operation) => !input.only || operation.name.includes(input.only));
  const { http } = input;
  // Each operation at the service, then at once the same through HTTP, so both see the same load.
  for (const operation of selected) {
    if (input.explainer) {
      console.log(`\n── ${operation.name}`);
      input.explainer.state.isExplaining = true;
      await operation.call();
      input.explainer.state.isExplaining = false;
    }
    const runs = operation.kind === "search" ? Math.max(Math.round(input.runs / 2), 20) : input.runs;
    const timings = await time(operation.call, { runs, warmup: 5 });
    samples[operation.kind].push(...timings);
    const service = (perOperation[operation.name] = summarize(timings));
    let line = `  ${operation.name.padEnd(40)} service p50 ${service.p50_ms.toFixed(2).padStart(7)}  p95 ${service.p95_ms.toFixed(2).padStart(7)} ms`;
    if (http) {
      // Search does not depend on the clock: its answer through HTTP must be the service's.
      if (operation.kind === "search" && JSON.stringify(await http.get(operation.path, operation.actor)) !== JSON.stringify(await operation.call())) {
        differingSearches.push(operation.name);
      }
      const httpTimings = await time(() => http.get(operation.path, operation.actor), { runs, warmup: 5 });
      httpSamples[operation.kind].push(...httpTimings);
      const overHttp = (perOperationHttp[operation.name] = summarize(httpTimings));
      line += `   http p50 ${overHttp.p50_ms.toFixed(2).padStart(7)}  p95 ${overHttp.p95_ms.toFixed(2).padStart(7)} ms`;
    }
    console.log(line);
  }
  const worst = (kind: Operation["kind"], figures: Record<string, ReturnType<typeof summarize>>) =>
    round2(Math.max(...selected.filter((op) => op.kind === kind).map((op) => figures[op.name]!.p95_ms)));
  const pooled: Record<string, number> = {};
  for (const kind of kinds) {
    pooled[`${kind}_runs`] = samples[kind].length;
    pooled[`${kind}_p50_ms`] = round2(percentile(samples[kind], 50));
    pooled[`${kind}_p95_ms`] = round2(percentile(samples[kind], 95));
    pooled[`${kind}_worst_operation_p95_ms`] = worst(kind, perOperation);
    if (!http) continue;
    pooled[`${kind}_http_runs`] = httpSamples[kind].length;
    pooled[`${kind}_http_p50_ms`] = round2(percentile(httpSamples[kind], 50));
    pooled[`${kind}_http_p95_ms`] = round2(percentile(httpSamples[kind], 95));
    pooled[`${kind}_http_worst_operation_p95_ms`] = worst(kind, perOperationHttp);
  }
  return {
    ...pooled,
    ...(http ? { http_server_start_ms: http.startMs, search_http_differing_answers: differingSearches.length } : {}),
    goals: { list_p95_ms: 20, counts_p95_ms: 20, search_p95_ms: 100, list_http_p95_ms: 20, counts_http_p95_ms: 20, search_http_p95_ms: 100 },
    operations: perOperation,
    ...(http ? { operations_http: perOperationHttp, search_http_differing: differingSearches } : {}),
    agent_open_chats: (await countStatuses(db, { member: agent, now })).assigned.total,
    admin_all_open_chats: (await countStatuses(db, { member: admin, now })).all?.total ?? null,
  };
}
