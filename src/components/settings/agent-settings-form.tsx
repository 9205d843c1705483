"use client";

// TEAM-5, ASSIGN-3: assignment mode and chat access management. The owner always has chat
// access, and granting agents grants admins too (docs/permissions.md), so the checkboxes show
// exactly what the server will store.
import { useState, type FormEvent } from "react";
import { ASSIGNMENT_MODES, ASSIGNMENT_MODE_LABELS, type AgentSettingsDto, type AssignmentModeName, type MemberRoleName } from "@/shared/team";
import { callApi } from "./api";
import { Notice, SettingsSection, primaryButtonClass } from "./ui";

const MODE_DESCRIPTIONS: Record<AssignmentModeName, string> = {
  lowest_workload: "A new chat goes to the eligible member with the fewest open chats for their capacity.",
  assign_equally: "New chats are spread over the day in proportion to each member's capacity.",
};

export function AgentSettingsForm({ initial, canEdit }: { initial: AgentSettingsDto; canEdit: boolean }) {
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
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMode(result.data.assignmentMode);
    setAdminAccess(result.data.chatAccessRoles.includes("admin"));
    setAgentAccess(result.data.chatAccessRoles.includes("agent"));
    setMessage({ tone: "success", text: "Agent settings saved. Open consoles pick up the new chat access at once." });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6">
      <fieldset disabled={!canEdit} className="space-y-6">
        <SettingsSection title="Assignment mode" description="How new chats are assigned automatically to members who accept chats and have the console open.">
          <div role="radiogroup" aria-label="Assignment mode" className="space-y-3">
            {ASSIGNMENT_MODES.map((value) => (
              <label key={value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                <input type="radio" name="assignmentMode" value={value} checked={mode === value} onChange={() => setMode(value)} className="mt-1" />
                <span>
                  <span className="block text-sm font-medium text-slate-800">{ASSIGNMENT_MODE_LABELS[value]}</span>
                  <span className="block text-sm text-slate-500">{MODE_DESCRIPTIONS[value]}</span>
                </span>
              </label>
            ))}
          </div>
        </SettingsSection>

        <SettingsSection title="Chat access management" description="Roles with chat access see every open chat in the shop (the All open list) and can transfer chats assigned to others.">
          <div className="space-y-3 text-sm">
            <label className="flex items-center gap-3">
              <input type="checkbox" checked disabled aria-describedby="owner-access-hint" />
              <span>Owner <span id="owner-access-hint" className="text-slate-500">(always)</span></span>
            </label>
            <label className="flex items-center gap-3">
              <input type="checkbox" name="admin" checked={adminAccess || agentAccess} disabled={!canEdit || agentAccess} onChange={(event) => setAdminAccess(event.target.checked)}
                aria-describedby={agentAccess ? "admin-access-hint" : undefined} />
              <span>Admins {agentAccess && <span id="admin-access-hint" className="text-slate-500">(included while agents have access: an admin never has less than an agent)</span>}</span>
            </label>
            <label className="flex items-center gap-3">
              <input type="checkbox" name="agent" checked={agentAccess} onChange={(event) => setAgentAccess(event.target.checked)} />
              <span>Agents</span>
            </label>
          </div>
        </SettingsSection>
      </fieldset>
      {message && <Notice tone={message.tone} testId="agent-settings-notice">{message.text}</Notice>}
      {canEdit ? (
        <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? "Saving…" : "Save agent settings"}</button>
      ) : (
        <p className="text-sm text-slate-500">Only the owner and admins can change agent settings.</p>
      )}
    </form>
  );
}
