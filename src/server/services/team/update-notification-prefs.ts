// SET-2, CONSOLE-8: sound, desktop notification and tab badge, per member.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { toPersonalSettingsDto } from "@/server/services/team/get-personal-settings";
import { parseInput } from "@/server/services/team/parse-input";
import { lockShopMember } from "@/server/services/team/team-records";
import { ZNotificationPrefsSchema, type PersonalSettingsDto, type TNotificationPrefs } from "@/shared/team";

export async function updateNotificationPrefs(
  db: Database,
  input: { actor: MemberContext; prefs: TNotificationPrefs },
): Promise<PersonalSettingsDto> {
  assertCan(input.actor, "personal_settings:update");
  const prefs = parseInput(ZNotificationPrefsSchema, input.prefs);
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.actor.memberId);
    return tx.member.update({ where: { id: member.id }, data: { notificationPrefs: prefs }, include: { user: true } });
  });
  return toPersonalSettingsDto(updated);
}
