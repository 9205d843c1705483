"use client";

// TEAM-2: invited users, apart from added ones, with Resend (a new link; the old one stops
// working) and Revoke. Expired invitations are marked, and Resend revives them.
import { useState } from "react";
import { ROLE_LABELS, languageLabel, type InvitationDto, type InvitationResultDto } from "@/shared/team";
import { callApi } from "./api";
import { DeliveryNotice } from "./delivery-notice";
import { Notice, dangerButtonClass, secondaryButtonClass } from "./ui";

export function InvitationList(props: {
  invitations: InvitationDto[];
  onChanged: (invitation: InvitationDto) => void;
  onRevoked: (id: string) => void;
}) {
  const [deliveries, setDeliveries] = useState<Record<string, InvitationResultDto>>({});
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function resend(invitation: InvitationDto) {
    setBusyId(invitation.id);
    setError(null);
    const result = await callApi<InvitationResultDto>(`/api/team/invitations/${invitation.id}/resend`, { method: "POST" });
    setBusyId(null);
    if (!result.ok) return setError(result.error.message);
    setDeliveries((map) => ({ ...map, [invitation.id]: result.data }));
    props.onChanged(result.data.invitation);
  }

  async function revoke(invitation: InvitationDto) {
    setBusyId(invitation.id);
    setError(null);
    const result = await callApi<{ id: string }>(`/api/team/invitations/${invitation.id}`, { method: "DELETE" });
    setBusyId(null);
    if (!result.ok) return setError(result.error.message);
    props.onRevoked(invitation.id);
  }

  if (props.invitations.length === 0) return <p className="text-sm text-slate-500">Nobody is waiting to join.</p>;
  return (
    <div className="space-y-3">
      {error && <Notice tone="error">{error}</Notice>}
      <ul className="divide-y divide-slate-100" aria-label="Invited users">
        {props.invitations.map((invitation) => (
          <li key={invitation.id} className="py-3" data-testid={`invitation-row-${invitation.email}`}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{invitation.email}</p>
                <p className="text-xs text-slate-500">
                  {ROLE_LABELS[invitation.role]} · {languageLabel(invitation.defaultLanguage)}
                  {invitation.invitedBy && <> · invited by {invitation.invitedBy}</>} ·{" "}
                  {invitation.isExpired ? (
                    <span className="font-medium text-red-700">Expired: resend to give a new link</span>
                  ) : (
                    <>Link valid until <time dateTime={invitation.expiresAt}>{new Date(invitation.expiresAt).toLocaleString()}</time></>
                  )}
                </p>
              </div>
              <div className="flex gap-2">
                <button type="button" className={secondaryButtonClass} disabled={busyId === invitation.id} onClick={() => void resend(invitation)}
                  aria-label={`Resend invitation to ${invitation.email}`}>Resend</button>
                <button type="button" className={dangerButtonClass} disabled={busyId === invitation.id} onClick={() => void revoke(invitation)}
                  aria-label={`Revoke invitation to ${invitation.email}`}>Revoke</button>
              </div>
            </div>
            {deliveries[invitation.id] && (
              <div className="mt-2">
                <DeliveryNotice email={invitation.email} delivery={deliveries[invitation.id]!.delivery} inviteUrl={deliveries[invitation.id]!.inviteUrl} isResend />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
