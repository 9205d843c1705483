// SET-4: what the blocked-buyers page and GET /api/console/blocked-buyers show of a block.

export interface BlockedBuyerDto {
  buyerId: string;
  nickname: string;
  email: string | null;
  externalId: string | null;
  reason: string | null;
  blockedAt: string;
  /** Null when the member who blocked was removed, or for blocks made through the API. */
  blockedBy: { memberId: string; nickname: string } | null;
}

export interface BlockedBuyersPageDto {
  items: BlockedBuyerDto[];
  nextCursor: string | null;
}
