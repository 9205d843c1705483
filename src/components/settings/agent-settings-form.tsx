"use client";

// TEAM-5, ASSIGN-3: assignment mode and chat access management. The owner always has chat
// access, and granting agents grants admins too (docs/permissions.md), so the checkboxes show
// exactly what the server will store.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ASSIGNMENT_MODES, type AgentSettingsDto, type MemberRoleName } from "@/shared/team";
import { callApi } from "./api";
import { useErrorTexts } from "./error-text";
import { Notice, SettingsSection, primaryButtonClass } from "./ui";

export function AgentSettingsForm({ initial, canEdit }: { initial: AgentSettingsDto; canEdit: boolean }) {
  const t = useTranslations("settings.agent");
  const errorTexts = useErrorTexts();
  const [mode, setMode] = useState(initial.assignmentMode);
  const [adminAccess, setAdminAccess] = useState(initial.chatAccessRoles.includes("admin"));
  const [agentAccess, setAgentAccess] = useState(initial.chatAccessRoles.includes("agent"));
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chatAccessRoles: MemberRoleName[] = ["owner", ...(adminAccess || agentAccess ? ["admin" as const] : []), ...(agentAccess ? ["agent" as const] : [])];
    setIsSaving(true);
    const result = await callApi<AgentSettingsDto>("/api/team/agent-settings", { method: "PUT", json: { assignmentMode: mode, chatAccessRoles } });
    setIsSaving(false);
    if (!result.ok) return setMessage({ tone: "error", text: errorTexts.message(result.error) });
    setMode(result.data.assignmentMode);
    setAdminAccess(result.data.chatAccessRoles.includes("admin"));
    setAgentAccess(result.data.chatAccessRoles.includes("agent"));
    setMessage({ tone: "success", text: t("saved") });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6">
      <fieldset disabled={!canEdit} className="space-y-6">
        <SettingsSection title={t("modeTitle")} headingId="section-assignment-mode" description={t("modeDescription")}>
          <div role="radiogroup" aria-label={t("modeLabel")} className="space-y-3">
            {ASSIGNMENT_MODES.map((value) => (
              <label key={value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                <input type="radio" name="assignmentMode" value={value} checked={mode === value} onChange={() => setMode(value)} className="mt-1" />
                <span>
                  <span className="block text-sm font-medium text-slate-800">{t(`modes.${value}.label`)}</span>
                  <span className="block text-sm text-slate-500">{t(`modes.${value}.description`)}</span>
                </span>
              </label>
            ))}
          </div>
        </SettingsSection>

        <SettingsSection title={t("accessTitle")} headingId="section-chat-access-management" description={t("accessDescription")}>
          <div className="space-y-3 text-sm">
            <label className="flex items-center gap-3">
              <input type="checkbox" checked disabled aria-describedby="owner-access-hint" />
              <span>{t("owner")} <span id="owner-access-hint" className="text-slate-500">{t("always")}</span></span>
            </label>
            <label className="flex items-center gap-3">
              <input type="checkbox" name="admin" checked={adminAccess || agentAccess} disabled={!canEdit || agentAccess} onChange={(event) => setAdminAccess(event.target.checked)}
                aria-describedby={agentAccess ? "admin-access-hint" : undefined} />
              <span>{t("admins")} {agentAccess && <span id="admin-access-hint" className="text-slate-500">{t("adminsIncluded")}</span>}</span>
            </label>
            <label className="flex items-center gap-3">
              <input type="checkbox" name="agent" checked={agentAccess} onChange={(event) => setAgentAccess(event.target.checked)} />
              <span>{t("agents")}</span>
            </label>
          </div>
        </SettingsSection>
      </fieldset>
      {message && <Notice tone={message.tone} testId="agent-settings-notice">{message.text}</Notice>}
      {canEdit ? (
        <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? t("saving") : t("save")}</button>
      ) : (
        <p className="text-sm text-slate-500">{t("readOnly")}</p>
      )}
    </form>
  );
}
