// API-1: revoking takes effect on the next request (every request re-reads the token). Revoking
// twice is harmless and keeps the first revocation time.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { ApiTokenDto } from "@/shared/api-v1-schemas";
import { toApiTokenDto } from "./api-token-dto";

export async function revokeApiToken(db: Database, input: { shopId: string; tokenId: string; now?: Date }): Promise<ApiTokenDto> {
  const now = input.now ?? new Date();
  await db.apiToken.updateMany({ where: { id: input.tokenId, shopId: input.shopId, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.apiToken.findFirst({ where: { id: input.tokenId, shopId: input.shopId } });
  if (!row) throw new AppError("NOT_FOUND", "This API token does not exist in this shop.");
  return toApiTokenDto(row);
}
