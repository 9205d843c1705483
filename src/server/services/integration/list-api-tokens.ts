import type { Database } from "@/server/db/client";
import type { ApiTokenDto } from "@/shared/api-v1-schemas";
import { toApiTokenDto } from "./api-token-dto";

/** Active tokens first, then revoked ones; newest first within each. */
export async function listApiTokens(db: Database, input: { shopId: string }): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({
    where: { shopId: input.shopId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const dtos = rows.map(toApiTokenDto);
  return [...dtos.filter((token) => !token.revokedAt), ...dtos.filter((token) => token.revokedAt)];
}
