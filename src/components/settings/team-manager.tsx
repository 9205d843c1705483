// Over 300 lines: the team table with its dialogs and live updates; the dialogs are the next split.
"use client";

// TEAM-2..TEAM-4: the team page. Owners and admins see every member with avatar, nickname,
// email, role, max capacity, open chats and accept switch, live. The owner also adds users by
// invitation, manages the invited list, changes roles, deactivates, activates and deletes, and
// approves nicknames under review. Buttons the role may not use are not shown; the server
// refuses them anyway.
import { useCallback, useState } from "react";
import {
  CAPACITY_WARNING_BELOW,
  MAX_CAPACITY,
  ROLE_LABELS,
  languageLabel,
  type InvitationDto,
  type MemberRoleName,
  type TeamMemberDto,
} from "@/shared/team";
import { callApi, type ApiError, type ApiResult } from "./api";
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
      setNotice({ tone: "error", text: result.error.message });
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
        return `${member.nickname} is now ${role === "admin" ? "an admin" : "an agent"}.`;
      });
    } else if (pending.kind === "deactivate") {
      await run(callApi<TeamMemberDto>(`/api/team/members/${member.memberId}/status`, { method: "PUT", json: { status: "deactivated" } }), (updated) => {
        replaceMember(updated);
        return `${member.nickname} was deactivated: their console was closed and their open chats went back to the queue.`;
      });
    } else {
      await run(callApi<{ memberId: string }>(`/api/team/members/${member.memberId}`, { method: "DELETE" }), () => {
        setMembers((list) => list.filter((row) => row.memberId !== member.memberId));
        return `${member.nickname} was deleted and can no longer sign in to this shop.`;
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
        <SettingsSection title="Add a user" description="They receive an email with a link to set a password and join. The link works once and is valid for 120 hours.">
          <InviteForm onInvited={(invitation) => setInvitations((list) => [invitation, ...(list ?? []).filter((row) => row.id !== invitation.id)])} />
        </SettingsSection>
      )}

      <SettingsSection
        title={`Added users (${members.length})`}
        headingId="added-users"
        description={`${activeCount} active. Capacity is the most chats a member holds at once (1 to ${MAX_CAPACITY}); under ${CAPACITY_WARNING_BELOW} the assignment may suffer.`}
      >
        <div className="overflow-x-auto">
          <table className="w-full min-w-[56rem] text-left text-sm" aria-labelledby="added-users">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Member</th>
                <th scope="col" className="py-2 pr-3 font-medium">Email</th>
                <th scope="col" className="py-2 pr-3 font-medium">Role</th>
                <th scope="col" className="py-2 pr-3 font-medium">Max capacity</th>
                <th scope="col" className="py-2 pr-3 font-medium">Open chats</th>
                <th scope="col" className="py-2 pr-3 font-medium">Accepts chats</th>
                {permissions.canManageUsers && <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>}
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
                  onError={(error) => setNotice({ tone: "error", text: error.message })}
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
        <SettingsSection title={`Invited users (${invitations.length})`} headingId="invited-users" description="People who have not accepted their invitation yet.">
          <InvitationList
            invitations={invitations}
            onChanged={(invitation) => setInvitations((list) => (list ?? []).map((row) => (row.id === invitation.id ? invitation : row)))}
            onRevoked={(id) => {
              const email = invitations.find((row) => row.id === id)?.email;
              setInvitations((list) => (list ?? []).filter((row) => row.id !== id));
              setNotice({ tone: "success", text: `The invitation${email ? ` for ${email}` : ""} was revoked: its link no longer works.` });
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
      if (result.error.fieldErrors?.maxCapacity) setCapacityError(result.error.fieldErrors.maxCapacity[0] ?? result.error.message);
      else if (result.error.fieldErrors?.nickname) setNicknameError(result.error.fieldErrors.nickname[0] ?? result.error.message);
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
      setCapacityError(`Enter a whole number from 1 to ${MAX_CAPACITY}`);
      return;
    }
    if (await patch({ maxCapacity: capacityNumber })) props.onSuccess(`${member.nickname}'s max capacity is now ${capacityNumber}.`);
  }

  async function saveNickname() {
    setNicknameError(null);
    if (nickname.trim() === member.nickname) return setIsRenaming(false);
    const updated = await patch({ nickname });
    if (!updated) return;
    setIsRenaming(false);
    props.onSuccess(updated.nicknameReview === "under_review" && updated.pendingNickname
      ? `“${updated.pendingNickname}” waits for the owner's approval; buyers still see ${updated.nickname}.`
      : `Nickname saved: buyers now see ${updated.nickname}.`);
  }

  async function activate() {
    const result = await callApi<TeamMemberDto>(`/api/team/members/${member.memberId}/status`, { method: "PUT", json: { status: "active" } });
    if (!result.ok) return props.onError(result.error);
    props.onUpdated(result.data);
    props.onSuccess(`${member.nickname} is active again and can sign in.`);
  }

  async function reviewNickname(decision: "approve" | "reject") {
    const result = await callApi<TeamMemberDto>(`/api/team/members/${member.memberId}/nickname-review`, { method: "POST", json: { decision } });
    if (!result.ok) return props.onError(result.error);
    props.onUpdated(result.data);
    props.onSuccess(decision === "approve" ? `Buyers now see ${result.data.nickname}.` : `The nickname request was rejected; buyers still see ${result.data.nickname}.`);
  }

  return (
    <tr data-testid={`member-row-${member.email}`} className={isDeactivated ? "bg-slate-50 text-slate-500" : undefined}>
      <td className="py-3 pr-3 align-top">
        <div className="flex items-start gap-3">
          <Avatar nickname={member.nickname} avatarUrl={member.avatarUrl} />
          <div className="min-w-0">
            {isRenaming ? (
              <form className="flex items-center gap-2" onSubmit={(event) => { event.preventDefault(); void saveNickname(); }}>
                <label className="sr-only" htmlFor={`nickname-${member.memberId}`}>Nickname for {member.email}</label>
                <input id={`nickname-${member.memberId}`} value={nickname} onChange={(event) => setNickname(event.target.value)} maxLength={40}
                  aria-invalid={Boolean(nicknameError)} aria-describedby={nicknameError ? `nickname-error-${member.memberId}` : undefined}
                  className="w-36 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none" />
                <button type="submit" className={secondaryButtonClass} disabled={isSaving}>Save</button>
                <button type="button" className="text-xs text-slate-500 hover:underline" onClick={() => { setIsRenaming(false); setNickname(member.nickname); setNicknameError(null); }}>Cancel</button>
              </form>
            ) : (
              <p className="font-medium text-slate-900">
                {member.nickname}
                {props.isSelf && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
                {isDeactivated && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-normal text-slate-600">Deactivated</span>}
              </p>
            )}
            {nicknameError && <p id={`nickname-error-${member.memberId}`} className="text-xs text-red-600">{nicknameError}</p>}
            {member.pendingNickname && (
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-800">Under review: “{member.pendingNickname}”</span>
                {permissions.canApproveNicknames && (
                  <>
                    <button type="button" className="text-brand-700 hover:underline" onClick={() => void reviewNickname("approve")} aria-label={`Approve nickname ${member.pendingNickname}`}>Approve</button>
                    <button type="button" className="text-red-700 hover:underline" onClick={() => void reviewNickname("reject")} aria-label={`Reject nickname ${member.pendingNickname}`}>Reject</button>
                  </>
                )}
              </div>
            )}
            {!isRenaming && (
              <button type="button" className="mt-0.5 text-xs text-slate-500 hover:text-brand-700 hover:underline" onClick={() => setIsRenaming(true)} aria-label={`Rename ${member.nickname}`}>
                Rename
              </button>
            )}
          </div>
        </div>
      </td>
      <td className="py-3 pr-3 align-top text-slate-600">{member.email}<div className="text-xs text-slate-500">{languageLabel(member.defaultLanguage)}</div></td>
      <td className="py-3 pr-3 align-top">
        {permissions.canManageUsers && !isOwnerRow ? (
          <>
            <label className="sr-only" htmlFor={`role-${member.memberId}`}>Role of {member.nickname}</label>
            <select id={`role-${member.memberId}`} value={member.role} onChange={(event) => props.onAskRole(event.target.value as MemberRoleName)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-500 focus:outline-none">
              <option value="admin">Admin</option>
              <option value="agent">Agent</option>
            </select>
          </>
        ) : (
          ROLE_LABELS[member.role]
        )}
      </td>
      <td className="py-3 pr-3 align-top">
        <form noValidate onSubmit={(event) => { event.preventDefault(); void saveCapacity(); }} className="flex items-center gap-2">
          <label className="sr-only" htmlFor={`capacity-${member.memberId}`}>Max capacity of {member.nickname}</label>
          <input id={`capacity-${member.memberId}`} type="number" inputMode="numeric" min={1} max={MAX_CAPACITY} step={1} value={capacity}
            onChange={(event) => { setCapacity(event.target.value); setCapacityError(null); }} onBlur={() => void saveCapacity()}
            aria-invalid={Boolean(capacityError)} aria-describedby={capacityHintId}
            className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none aria-[invalid=true]:border-red-400" />
        </form>
        <div id={capacityHintId} className="mt-1 max-w-[12rem] text-xs">
          {capacityError ? (
            <span className="text-red-600">{capacityError}</span>
          ) : capacityNumber >= 1 && capacityNumber < CAPACITY_WARNING_BELOW ? (
            <span className="text-amber-700">Under {CAPACITY_WARNING_BELOW}: assignment may suffer.</span>
          ) : null}
        </div>
      </td>
      <td className="py-3 pr-3 align-top tabular-nums" data-testid={`open-chats-${member.memberId}`}>{member.openSessionCount}</td>
      <td className="py-3 pr-3 align-top">
        <Switch checked={member.acceptAutoAssign} label={`Accept auto-assign chats for ${member.nickname}`} disabled={isSaving || isDeactivated}
          onChange={(next) => void patch({ acceptAutoAssign: next }).then((isDone) => isDone && props.onSuccess(next
            ? `${member.nickname} now accepts auto-assigned chats.`
            : `${member.nickname} no longer gets auto-assigned chats; their open chats stay with them.`))} />
      </td>
      {permissions.canManageUsers && (
        <td className="py-3 align-top">
          {!isOwnerRow && (
            <div className="flex flex-nowrap justify-end gap-2 whitespace-nowrap">
              {isDeactivated ? (
                <button type="button" className={secondaryButtonClass} onClick={() => void activate()} aria-label={`Activate ${member.nickname}`}>Activate</button>
              ) : (
                <button type="button" className={secondaryButtonClass} onClick={props.onAskDeactivate} aria-label={`Deactivate ${member.nickname}`}>Deactivate</button>
              )}
              <button type="button" className={dangerButtonClass} onClick={props.onAskDelete} aria-label={`Delete ${member.nickname}`}>Delete</button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

