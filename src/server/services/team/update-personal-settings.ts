// SET-1: nickname and default language. A nickname matching the shop's review list waits for
// the owner (TEAM-4); the owner's own nickname applies at once, as they are the approver.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { toPersonalSettingsDto } from "@/server/services/team/get-personal-settings";
import { planNicknameChange } from "@/server/services/team/nickname-review";
import { parseInput } from "@/server/services/team/parse-input";
import { lockShopMember, memberChanged } from "@/server/services/team/team-records";
import { ZPersonalSettingsSchema, type PersonalSettingsDto, type TPersonalSettings } from "@/shared/team";

export async function updatePersonalSettings(
  db: Database,
  input: { actor: MemberContext; changes: TPersonalSettings },
): Promise<ServiceResult<PersonalSettingsDto>> {
  assertCan(input.actor, "personal_settings:update");
  const changes = parseInput(ZPersonalSettingsSchema, input.changes);
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.actor.memberId);
    const settings = changes.nickname === undefined ? null : await tx.shopSettings.findUnique({ where: { shopId: member.shopId } });
    const nickname = changes.nickname === undefined
      ? {}
      : planNicknameChange({ current: member, requested: changes.nickname, reviewWords: settings?.reviewWords ?? [], isSetByOwner: input.actor.role === "owner" });
    return tx.member.update({ where: { id: member.id }, data: { ...nickname, defaultLanguage: changes.defaultLanguage }, include: { user: true } });
  });
  return serviceResult(toPersonalSettingsDto(updated), [memberChanged(updated.shopId, updated.id, "updated")]);
}
