// SET-2, CONSOLE-8: sound, desktop notification and tab badge, per member and per event.
import { assertCan } from "@/core/permissions";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { toPersonalSettingsDto } from "@/server/services/team/get-personal-settings";
import { parseInput } from "@/server/services/team/parse-input";
import { lockShopMember } from "@/server/services/team/team-records";
import { applyNotificationPrefsUpdate, readNotificationPrefs } from "@/core/notifications/prefs";
import { ZNotificationPrefsSchema, type PersonalSettingsDto, type TNotificationPrefsUpdate } from "@/shared/team";

export async function updateNotificationPrefs(
  db: Database,
  input: { actor: MemberContext; prefs: TNotificationPrefsUpdate },
): Promise<PersonalSettingsDto> {
  assertCan(input.actor, "personal_settings:update");
  const prefs = parseInput(ZNotificationPrefsSchema, input.prefs);
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.actor.memberId);
    const next = applyNotificationPrefsUpdate(readNotificationPrefs(member.notificationPrefs), prefs);
    return tx.member.update({ where: { id: member.id }, data: { notificationPrefs: next as unknown as Prisma.InputJsonObject }, include: { user: true } });
  });
  return toPersonalSettingsDto(updated);
}
