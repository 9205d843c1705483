// TEAM-4: a nickname containing a word of the shop's review list waits for the owner's
// approval; buyers keep seeing the current nickname meanwhile. Pure, so it is unit-tested.

/** Case- and width-insensitive containment: "OFFICIAL Ava" and "ｏｆｆｉｃｉａｌ" both match "official". */
export function matchesReviewWords(nickname: string, reviewWords: readonly string[]): boolean {
  const haystack = normalize(nickname);
  return reviewWords.some((word) => {
    const needle = normalize(word);
    return needle.length > 0 && haystack.includes(needle);
  });
}

function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export interface NicknameFields {
  nickname: string;
  pendingNickname: string | null;
  nicknameReview: "approved" | "under_review";
}

/**
 * The member's nickname fields after asking for `requested`. The owner approves nicknames, so a
 * nickname the owner sets (their own or another member's) applies at once.
 */
export function planNicknameChange(input: {
  current: NicknameFields;
  requested: string;
  reviewWords: readonly string[];
  isSetByOwner: boolean;
}): NicknameFields {
  const { current, requested } = input;
  if (requested === current.nickname) return { nickname: current.nickname, pendingNickname: null, nicknameReview: "approved" };
  if (!input.isSetByOwner && matchesReviewWords(requested, input.reviewWords)) {
    return { nickname: current.nickname, pendingNickname: requested, nicknameReview: "under_review" };
  }
  return { nickname: requested, pendingNickname: null, nicknameReview: "approved" };
}
