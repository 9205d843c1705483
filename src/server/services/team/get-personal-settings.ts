// SET-1, SET-2: the signed-in member's own settings.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { Member, User } from "@/generated/prisma/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { findShopMember } from "@/server/services/team/team-records";
import { readNotificationPrefs } from "@/core/notifications/prefs";
import type { PersonalSettingsDto } from "@/shared/team";

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

