// SET-1, SET-2: the signed-in member's own settings.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { Member, User } from "@/generated/prisma/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { findShopMember } from "@/server/services/team/team-records";
import { DEFAULT_NOTIFICATION_PREFS, ZNotificationPrefsSchema, type PersonalSettingsDto, type TNotificationPrefs } from "@/shared/team";

export async function getPersonalSettings(db: Database, input: { actor: MemberContext }): Promise<PersonalSettingsDto> {
  assertCan(input.actor, "personal_settings:read");
  return toPersonalSettingsDto(await findShopMember(db, input.actor.shopId, input.actor.memberId));
}

export function toPersonalSettingsDto(member: Member & { user: User }): PersonalSettingsDto {
  return {
    memberId: member.id,
    email: member.user.email,
    role: member.role,
    nickname: member.nickname,
    pendingNickname: member.pendingNickname,
    nicknameReview: member.nicknameReview,
    avatarUrl: member.avatarUrl,
    defaultLanguage: member.defaultLanguage,
    notificationPrefs: readNotificationPrefs(member.notificationPrefs),
  };
}

/** Stored JSON from older versions may miss a key: each missing one takes its default. */
export function readNotificationPrefs(stored: unknown): TNotificationPrefs {
  const merged = { ...DEFAULT_NOTIFICATION_PREFS, ...(typeof stored === "object" && stored !== null ? stored : {}) };
  const parsed = ZNotificationPrefsSchema.safeParse({ sound: merged.sound, desktop: merged.desktop, badge: merged.badge });
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_PREFS;
}
