// Over 300 lines: the team table with its dialogs and live updates; the dialogs are the next split.
"use client";

// TEAM-2..TEAM-4: the team page. Owners and admins see every member with avatar, nickname,
// email, role, max capacity, open chats and accept switch, live. The owner also adds users by
// invitation, manages the invited list, changes roles, deactivates, activates and deletes, and
// approves nicknames under review. Buttons the role may not use are not shown; the server
// refuses them anyway.
import { useCallback, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import {
  CAPACITY_WARNING_BELOW,
  MAX_CAPACITY,
  type InvitationDto,
  type MemberRoleName,
  type TeamMemberDto,
} from "@/shared/team";
import { callApi, type ApiError, type ApiResult } from "./api";
import { useErrorTexts } from "./error-text";
import { TeamConfirmDialog, type PendingAction } from "./team-confirmations";
import { InviteForm } from "./invite-form";
import { InvitationList } from "./invitation-list";
import { Avatar, Notice, SettingsSection, Switch, dangerButtonClass, secondaryButtonClass } from "./ui";
import { useTeamLiveUpdates } from "./use-team-live-updates";

export interface TeamPermissions {
  canManageUsers: boolean;
  canApproveNicknames: boolean;
}

export function TeamManager(props: {
  selfMemberId: string;
  permissions: TeamPermissions;
  initialMembers: TeamMemberDto[];
  initialInvitations: InvitationDto[] | null;
}) {
  const { permissions } = props;
  const t = useTranslations("settings.team");
  const errorTexts = useErrorTexts();
  const [members, setMembers] = useState(props.initialMembers);
  const [invitations, setInvitations] = useState(props.initialInvitations);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState<PendingAction>(null);
  const [isBusy, setIsBusy] = useState(false);

  const refresh = useCallback(async () => {
    const [team, invited] = await Promise.all([
      callApi<{ members: TeamMemberDto[] }>("/api/team/members"),
      permissions.canManageUsers ? callApi<{ invitations: InvitationDto[] }>("/api/team/invitations") : Promise.resolve(null),
    ]);
    if (team.ok) setMembers(team.data.members);
    if (invited?.ok) setInvitations(invited.data.invitations);
  }, [permissions.canManageUsers]);
  useTeamLiveUpdates(() => void refresh());

  const replaceMember = (updated: TeamMemberDto) => setMembers((list) => list.map((member) => (member.memberId === updated.memberId ? updated : member)));

  async function run<T>(request: Promise<ApiResult<T>>, success: (data: T) => string | null): Promise<boolean> {
    const result = await request;
    if (!result.ok) {
      setNotice({ tone: "error", text: errorTexts.message(result.error) });
      return false;
    }
    const text = success(result.data);
    setNotice(text ? { tone: "success", text } : null);
    return true;
  }

  async function confirmPending() {
    if (!pending) return;
    setIsBusy(true);
    const { member } = pending;
    if (pending.kind === "role") {
      const { role } = pending;
      await run(callApi<TeamMemberDto>(`/api/team/members/${member.memberId}/role`, { method: "PUT", json: { role } }), (updated) => {
        replaceMember(updated);
        return t(role === "admin" ? "roleChangedAdmin" : "roleChangedAgent", { nickname: member.nickname });
      });
    } else if (pending.kind === "deactivate") {
      await run(callApi<TeamMemberDto>(`/api/team/members/${member.memberId}/status`, { method: "PUT", json: { status: "deactivated" } }), (updated) => {
        replaceMember(updated);
        return t("deactivated", { nickname: member.nickname });
      });
    } else {
      await run(callApi<{ memberId: string }>(`/api/team/members/${member.memberId}`, { method: "DELETE" }), () => {
        setMembers((list) => list.filter((row) => row.memberId !== member.memberId));
        return t("deleted", { nickname: member.nickname });
      });
    }
    setIsBusy(false);
    setPending(null);
  }

  const activeCount = members.filter((member) => member.status === "active").length;

  return (
    <div className="space-y-6">
      {notice && <Notice tone={notice.tone} testId="team-notice">{notice.text}</Notice>}

      {permissions.canManageUsers && (
        <SettingsSection title={t("addUserTitle")} headingId="section-add-a-user" description={t("addUserDescription")}>
          <InviteForm onInvited={(invitation) => setInvitations((list) => [invitation, ...(list ?? []).filter((row) => row.id !== invitation.id)])} />
        </SettingsSection>
      )}

      <SettingsSection
        title={t("addedUsers", { count: members.length })}
        headingId="added-users"
        description={t("addedUsersDescription", { active: activeCount, max: MAX_CAPACITY, warning: CAPACITY_WARNING_BELOW })}
      >
        <div className="overflow-x-auto">
          <table className="w-full min-w-[56rem] text-left text-sm" aria-labelledby="added-users">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.member")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.email")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.role")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.maxCapacity")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.openChats")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.acceptsChats")}</th>
                {permissions.canManageUsers && <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("columns.actions")}</span></th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => (
                <MemberRow
                  key={member.memberId}
                  member={member}
                  isSelf={member.memberId === props.selfMemberId}
                  permissions={permissions}
                  onUpdated={replaceMember}
                  onError={(error) => setNotice({ tone: "error", text: errorTexts.message(error) })}
                  onSuccess={(text) => setNotice({ tone: "success", text })}
                  onAskDeactivate={() => setPending({ kind: "deactivate", member })}
                  onAskDelete={() => setPending({ kind: "delete", member })}
                  onAskRole={(role) => setPending({ kind: "role", member, role })}
                />
              ))}
            </tbody>
          </table>
        </div>
      </SettingsSection>

      {permissions.canManageUsers && invitations && (
        <SettingsSection title={t("invitedUsers", { count: invitations.length })} headingId="invited-users" description={t("invitedUsersDescription")}>
          <InvitationList
            invitations={invitations}
            onChanged={(invitation) => setInvitations((list) => (list ?? []).map((row) => (row.id === invitation.id ? invitation : row)))}
            onRevoked={(id) => {
              const email = invitations.find((row) => row.id === id)?.email;
              setInvitations((list) => (list ?? []).filter((row) => row.id !== id));
              setNotice({ tone: "success", text: email ? t("revokedFor", { email }) : t("revoked") });
            }}
          />
        </SettingsSection>
      )}

      <TeamConfirmDialog pending={pending} isBusy={isBusy} onConfirm={() => void confirmPending()} onCancel={() => setPending(null)} />
    </div>
  );
}

function MemberRow(props: {
  member: TeamMemberDto;
  isSelf: boolean;
  permissions: TeamPermissions;
  onUpdated: (member: TeamMemberDto) => void;
  onError: (error: ApiError) => void;
  onSuccess: (text: string) => void;
  onAskDeactivate: () => void;
  onAskDelete: () => void;
  onAskRole: (role: MemberRoleName) => void;
}) {
  const { member, permissions } = props;
  const t = useTranslations("settings.team");
  const tRoles = useTranslations("settings.roles");
  const tLanguages = useTranslations("settings.languages");
  const errorTexts = useErrorTexts();
  const format = useFormatter();
  const [capacity, setCapacity] = useState(String(member.maxCapacity));
  const [capacityError, setCapacityError] = useState<string | null>(null);
  const [isRenaming, setIsRenaming] = useState(false);
  const [nickname, setNickname] = useState(member.nickname);
  const [nicknameError, setNicknameError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [shownCapacity, setShownCapacity] = useState(member.maxCapacity);
  // A live update replaced the row: show the new capacity unless the person is typing one.
  if (shownCapacity !== member.maxCapacity) {
    setShownCapacity(member.maxCapacity);
    setCapacity(String(member.maxCapacity));
  }

  const isOwnerRow = member.role === "owner";
  const isDeactivated = member.status === "deactivated";
  const capacityNumber = Number(capacity);
  const capacityHintId = `capacity-hint-${member.memberId}`;

  /** The updated member, or null when the change was refused (the error is shown). */
  async function patch(changes: Record<string, unknown>): Promise<TeamMemberDto | null> {
    setIsSaving(true);
    const result = await callApi<TeamMemberDto>(`/api/team/members/${member.memberId}`, { method: "PATCH", json: changes });
    setIsSaving(false);
    if (!result.ok) {
      if (result.error.fieldErrors?.maxCapacity) setCapacityError(errorTexts.fieldOf(result.error, "maxCapacity") ?? errorTexts.message(result.error));
      else if (result.error.fieldErrors?.nickname) setNicknameError(errorTexts.fieldOf(result.error, "nickname") ?? errorTexts.message(result.error));
      else props.onError(result.error);
      return null;
    }
    props.onUpdated(result.data);
    return result.data;
  }

  async function saveCapacity() {
    setCapacityError(null);
    if (capacity === String(member.maxCapacity)) return;
    if (!/^\d+$/.test(capacity) || capacityNumber < 1 || capacityNumber > MAX_CAPACITY) {
      setCapacityError(t("capacityRange", { max: MAX_CAPACITY }));
      return;
    }
    if (await patch({ maxCapacity: capacityNumber })) props.onSuccess(t("capacitySaved", { nickname: member.nickname, capacity: capacityNumber }));
  }

  async function saveNickname() {
    setNicknameError(null);
    if (nickname.trim() === member.nickname) return setIsRenaming(false);
    const updated = await patch({ nickname });
    if (!updated) return;
    setIsRenaming(false);
    props.onSuccess(updated.nicknameReview === "under_review" && updated.pendingNickname
      ? t("nicknamePending", { pending: updated.pendingNickname, nickname: updated.nickname })
      : t("nicknameSaved", { nickname: updated.nickname }));
  }

  async function activate() {
    const result = await callApi<TeamMemberDto>(`/api/team/members/${member.memberId}/status`, { method: "PUT", json: { status: "active" } });
    if (!result.ok) return props.onError(result.error);
    props.onUpdated(result.data);
    props.onSuccess(t("activated", { nickname: member.nickname }));
  }

  async function reviewNickname(decision: "approve" | "reject") {
    const result = await callApi<TeamMemberDto>(`/api/team/members/${member.memberId}/nickname-review`, { method: "POST", json: { decision } });
    if (!result.ok) return props.onError(result.error);
    props.onUpdated(result.data);
    props.onSuccess(t(decision === "approve" ? "nicknameApproved" : "nicknameRejected", { nickname: result.data.nickname }));
  }

  return (
    <tr data-testid={`member-row-${member.email}`} className={isDeactivated ? "bg-slate-50 text-slate-500" : undefined}>
      <td className="py-3 pr-3 align-top">
        <div className="flex items-start gap-3">
          <Avatar nickname={member.nickname} avatarUrl={member.avatarUrl} />
          <div className="min-w-0">
            {isRenaming ? (
              <form className="flex items-center gap-2" onSubmit={(event) => { event.preventDefault(); void saveNickname(); }}>
                <label className="sr-only" htmlFor={`nickname-${member.memberId}`}>{t("nicknameFor", { email: member.email })}</label>
                <input id={`nickname-${member.memberId}`} value={nickname} onChange={(event) => setNickname(event.target.value)} maxLength={40}
                  aria-invalid={Boolean(nicknameError)} aria-describedby={nicknameError ? `nickname-error-${member.memberId}` : undefined}
                  className="w-36 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none" />
                <button type="submit" className={secondaryButtonClass} disabled={isSaving}>{t("save")}</button>
                <button type="button" className="text-xs text-slate-500 hover:underline" onClick={() => { setIsRenaming(false); setNickname(member.nickname); setNicknameError(null); }}>{t("cancel")}</button>
              </form>
            ) : (
              <p className="font-medium text-slate-900">
                {member.nickname}
                {props.isSelf && <span className="ml-1 text-xs font-normal text-slate-500">{t("you")}</span>}
                {isDeactivated && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t("deactivatedBadge")}</span>}
              </p>
            )}
            {nicknameError && <p id={`nickname-error-${member.memberId}`} className="text-xs text-red-600">{nicknameError}</p>}
            {member.pendingNickname && (
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-800">{t("underReview", { pending: member.pendingNickname })}</span>
                {permissions.canApproveNicknames && (
                  <>
                    <button type="button" className="text-brand-700 hover:underline" onClick={() => void reviewNickname("approve")} aria-label={t("approveLabel", { pending: member.pendingNickname })}>{t("approve")}</button>
                    <button type="button" className="text-red-700 hover:underline" onClick={() => void reviewNickname("reject")} aria-label={t("rejectLabel", { pending: member.pendingNickname })}>{t("reject")}</button>
                  </>
                )}
              </div>
            )}
            {!isRenaming && (
              <button type="button" className="mt-0.5 text-xs text-slate-500 hover:text-brand-700 hover:underline" onClick={() => setIsRenaming(true)} aria-label={t("renameLabel", { nickname: member.nickname })}>
                {t("rename")}
              </button>
            )}
          </div>
        </div>
      </td>
      <td className="py-3 pr-3 align-top text-slate-600">{member.email}<div className="text-xs text-slate-500">{tLanguages.has(member.defaultLanguage) ? tLanguages(member.defaultLanguage) : member.defaultLanguage}</div></td>
      <td className="py-3 pr-3 align-top">
        {permissions.canManageUsers && !isOwnerRow ? (
          <>
            <label className="sr-only" htmlFor={`role-${member.memberId}`}>{t("roleOf", { nickname: member.nickname })}</label>
            <select id={`role-${member.memberId}`} value={member.role} onChange={(event) => props.onAskRole(event.target.value as MemberRoleName)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-500 focus:outline-none">
              <option value="admin">{tRoles("admin")}</option>
              <option value="agent">{tRoles("agent")}</option>
            </select>
          </>
        ) : (
          tRoles(member.role)
        )}
      </td>
      <td className="py-3 pr-3 align-top">
        <form noValidate onSubmit={(event) => { event.preventDefault(); void saveCapacity(); }} className="flex items-center gap-2">
          <label className="sr-only" htmlFor={`capacity-${member.memberId}`}>{t("capacityOf", { nickname: member.nickname })}</label>
          <input id={`capacity-${member.memberId}`} type="number" inputMode="numeric" min={1} max={MAX_CAPACITY} step={1} value={capacity}
            onChange={(event) => { setCapacity(event.target.value); setCapacityError(null); }} onBlur={() => void saveCapacity()}
            aria-invalid={Boolean(capacityError)} aria-describedby={capacityHintId}
            className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none aria-[invalid=true]:border-red-400" />
        </form>
        <div id={capacityHintId} className="mt-1 max-w-[12rem] text-xs">
          {capacityError ? (
            <span className="text-red-600">{capacityError}</span>
          ) : capacityNumber >= 1 && capacityNumber < CAPACITY_WARNING_BELOW ? (
            <span className="text-amber-700">{t("capacityWarning", { warning: CAPACITY_WARNING_BELOW })}</span>
          ) : null}
        </div>
      </td>
      <td className="py-3 pr-3 align-top tabular-nums" data-testid={`open-chats-${member.memberId}`}>{format.number(member.openSessionCount)}</td>
      <td className="py-3 pr-3 align-top">
        <Switch checked={member.acceptAutoAssign} label={t("acceptLabel", { nickname: member.nickname })} disabled={isSaving || isDeactivated}
          onChange={(next) => void patch({ acceptAutoAssign: next }).then((isDone) => isDone && props.onSuccess(next
            ? t("acceptsOn", { nickname: member.nickname })
            : t("acceptsOff", { nickname: member.nickname })))} />
      </td>
      {permissions.canManageUsers && (
        <td className="py-3 align-top">
          {!isOwnerRow && (
            <div className="flex flex-nowrap justify-end gap-2 whitespace-nowrap">
              {isDeactivated ? (
                <button type="button" className={secondaryButtonClass} onClick={() => void activate()} aria-label={t("activateLabel", { nickname: member.nickname })}>{t("activate")}</button>
              ) : (
                <button type="button" className={secondaryButtonClass} onClick={props.onAskDeactivate} aria-label={t("deactivateLabel", { nickname: member.nickname })}>{t("deactivate")}</button>
              )}
              <button type="button" className={dangerButtonClass} onClick={props.onAskDelete} aria-label={t("deleteLabel", { nickname: member.nickname })}>{t("delete")}</button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

