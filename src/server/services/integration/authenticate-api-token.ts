// API-1: `Authorization: Bearer cpk_…`. The token alone decides the shop; nothing in the
// request can name another one (SPEC §0, NF-3).
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { hashApiToken, isWellFormedApiToken } from "./api-token-secret";

export interface ApiTokenContext {
  tokenId: string;
  shopId: string;
}

/** lastUsedAt is written at most once a minute per token, so a busy integration is not a write storm. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiToken(db: Database, authorization: string | null, now = new Date()): Promise<ApiTokenContext> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) {
    throw new AppError("UNAUTHENTICATED", "Send an API token in the Authorization header: \"Authorization: Bearer cpk_…\".");
  }
  const token = match[1]!;
  const invalid = new AppError("UNAUTHENTICATED", "This API token is not valid or has been revoked.");
  if (!isWellFormedApiToken(token)) throw invalid;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, shopId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) throw invalid;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: row.id, shopId: row.shopId };
}
