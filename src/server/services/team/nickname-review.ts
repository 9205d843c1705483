// TEAM-4: a nickname containing a word of the shop's review list waits for the owner's
// approval; buyers keep seeing the current nickname meanwhile. Pure, so it is unit-tested.
import { containsAnyWord } from "@/core/text/normalize-name";

/**
 * Compared by skeleton (src/core/text/normalize-name.ts): case, width, accents, invisible
 * characters, separators and look-alike letters of other scripts do not hide a word, so
 * "OFFICIAL Ava", "ｏｆｆｉｃｉａｌ", "off\u00adicial" and a Cyrillic "оfficial" all match "official".
 */
export function matchesReviewWords(nickname: string, reviewWords: readonly string[]): boolean {
  return containsAnyWord(nickname, reviewWords);
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
