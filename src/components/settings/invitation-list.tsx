"use client";

// TEAM-2: invited users, apart from added ones, with Resend (a new link; the old one stops
// working) and Revoke. Expired invitations are marked, and Resend revives them.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { InvitationDto, InvitationResultDto } from "@/shared/team";
import { callApi } from "./api";
import { useErrorTexts } from "./error-text";
import { DeliveryNotice } from "./delivery-notice";
import { Notice, dangerButtonClass, secondaryButtonClass } from "./ui";

export function InvitationList(props: {
  invitations: InvitationDto[];
  onChanged: (invitation: InvitationDto) => void;
  onRevoked: (id: string) => void;
}) {
  const t = useTranslations("settings.invitations");
  const tRoles = useTranslations("settings.roles");
  const tLanguages = useTranslations("settings.languages");
  const errorTexts = useErrorTexts();
  const locale = useLocale();
  // The browser renders the time in its own zone (the server does not know it).
  const expiry = new Intl.DateTimeFormat(locale, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });
  const [deliveries, setDeliveries] = useState<Record<string, InvitationResultDto>>({});
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function resend(invitation: InvitationDto) {
    setBusyId(invitation.id);
    setError(null);
    const result = await callApi<InvitationResultDto>(`/api/team/invitations/${invitation.id}/resend`, { method: "POST" });
    setBusyId(null);
    if (!result.ok) return setError(errorTexts.message(result.error));
    setDeliveries((map) => ({ ...map, [invitation.id]: result.data }));
    props.onChanged(result.data.invitation);
  }

  async function revoke(invitation: InvitationDto) {
    setBusyId(invitation.id);
    setError(null);
    const result = await callApi<{ id: string }>(`/api/team/invitations/${invitation.id}`, { method: "DELETE" });
    setBusyId(null);
    if (!result.ok) return setError(errorTexts.message(result.error));
    props.onRevoked(invitation.id);
  }

  if (props.invitations.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <div className="space-y-3">
      {error && <Notice tone="error">{error}</Notice>}
      <ul className="divide-y divide-slate-100" aria-label={t("listLabel")}>
        {props.invitations.map((invitation) => (
          <li key={invitation.id} className="py-3" data-testid={`invitation-row-${invitation.email}`}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{invitation.email}</p>
                <p className="text-xs text-slate-500">
                  {tRoles(invitation.role)} · {tLanguages.has(invitation.defaultLanguage) ? tLanguages(invitation.defaultLanguage) : invitation.defaultLanguage}
                  {invitation.invitedBy && <> · {t("invitedBy", { name: invitation.invitedBy })}</>} ·{" "}
                  {invitation.isExpired ? (
                    <span className="font-medium text-red-700">{t("expired")}</span>
                  ) : (
                    <span suppressHydrationWarning>
                      {t.rich("validUntil", {
                        date: expiry.format(new Date(invitation.expiresAt)),
                        time: (chunks) => <time dateTime={invitation.expiresAt}>{chunks}</time>,
                      })}
                    </span>
                  )}
                </p>
              </div>
              <div className="flex gap-2">
                <button type="button" className={secondaryButtonClass} disabled={busyId === invitation.id} onClick={() => void resend(invitation)}
                  aria-label={t("resendLabel", { email: invitation.email })}>{t("resend")}</button>
                <button type="button" className={dangerButtonClass} disabled={busyId === invitation.id} onClick={() => void revoke(invitation)}
                  aria-label={t("revokeLabel", { email: invitation.email })}>{t("revoke")}</button>
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
