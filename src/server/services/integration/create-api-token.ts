// API-1: an owner or admin creates a token in settings. The secret is returned once, here, and
// never again: only its hash and first characters are stored.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { ApiTokenCreateInput, ApiTokenDto } from "@/shared/api-v1-schemas";
import { toApiTokenDto } from "./api-token-dto";
import { API_TOKEN_VISIBLE_CHARS, generateApiTokenSecret, hashApiToken } from "./api-token-secret";

/** Enough for every system a shop connects; a runaway script cannot mint thousands. */
export const MAX_ACTIVE_API_TOKENS = 20;

export async function createApiToken(
  db: Database,
  input: { shopId: string } & ApiTokenCreateInput,
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const secret = generateApiTokenSecret();
  const row = await db.$transaction(async (tx) => {
    // Serialise token creation per shop so the limit holds under concurrent requests.
    await tx.$queryRaw`SELECT id FROM "Shop" WHERE id = ${input.shopId}::uuid FOR UPDATE`;
    const active = await tx.apiToken.count({ where: { shopId: input.shopId, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_TOKENS) {
      throw new AppError("CONFLICT", `A shop can have at most ${MAX_ACTIVE_API_TOKENS} active API tokens. Revoke one you no longer use first.`);
    }
    return tx.apiToken.create({
      data: {
        shopId: input.shopId,
        name: input.name,
        prefix: secret.slice(0, API_TOKEN_VISIBLE_CHARS),
        tokenHash: hashApiToken(secret),
      },
    });
  });
  return { token: secret, apiToken: toApiTokenDto(row) };
}
