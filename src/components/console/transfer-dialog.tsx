"use client";

// CHAT-6: transfer this chat, or all my ongoing chats (the latest 100), to another member found
// by nickname. Each member shows their load (open chats / capacity), presence and accept switch,
// because a transfer goes through whatever they are: the agent decides with the facts in view.
// Deactivated and deleted members are not offered (the route lists active members only).
// ASSIGN-5 reuses the member picker for "Assign to…".
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CommandError, useConsoleSocket } from "./console-socket-context";
import type { ConsoleMemberDto } from "./chat-window/conversation-types";
import { initialsOf } from "./chat-window/format";
import { Modal } from "./chat-window/modal";
import { roleText, serverErrorText } from "./console-text";
import { useConsoleTranslate } from "./use-console-translate";

/** What went wrong loading the team: the server's error, or no connection. */
type TeamProblem = { kind: "server"; code: string | null; message: string | null } | { kind: "offline" };

/** The shop's active members, and a sentence in the member's language when they could not be loaded. */
export function useShopMembers(): { members: ConsoleMemberDto[] | null; error: string | null } {
  const t = useConsoleTranslate();
  const locale = useLocale();
  const [members, setMembers] = useState<ConsoleMemberDto[] | null>(null);
  const [problem, setProblem] = useState<TeamProblem | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/console/members", { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as { data?: { members: ConsoleMemberDto[] }; error?: { code?: string; message?: string } } | null;
        if (response.ok && body?.data) setMembers(body.data.members);
        else setProblem({ kind: "server", code: body?.error?.code ?? null, message: body?.error?.message ?? null });
      })
      .catch(() => {
        if (!controller.signal.aborted) setProblem({ kind: "offline" });
      });
    return () => controller.abort();
  }, []);
  const error = problem === null ? null : problem.kind === "offline" ? t("errors.teamOffline") : serverErrorText(t, locale, problem, "errors.teamFailed");
  return { members, error };
}

export interface MemberPickerProps {
  label: string;
  members: ConsoleMemberDto[] | null;
  loadError: string | null;
  /** Members who cannot be chosen here (the current holder), with the reason shown. */
  unavailable: Map<string, string>;
  selectedId: string | null;
  /** Marked "(you)" in the list. */
  selfId?: string;
  onSelect(memberId: string): void;
}

export function MemberPicker({ label, members, loadError, unavailable, selectedId, selfId, onSelect }: MemberPickerProps) {
  const t = useTranslations("console.transfer");
  const consoleT = useConsoleTranslate();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const filtered = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (members ?? []).filter((member) => member.nickname.toLowerCase().includes(needle));
  }, [members, query]);
  const choosable = filtered.filter((member) => !unavailable.has(member.memberId));

  // A radio group: arrows move the choice, as in any native radio set.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key) || choosable.length === 0) return;
    event.preventDefault();
    const index = choosable.findIndex((member) => member.memberId === selectedId);
    const next = event.key === "Home" ? 0
      : event.key === "End" ? choosable.length - 1
        : event.key === "ArrowDown" ? (index + 1) % choosable.length
          : (index - 1 + choosable.length) % choosable.length;
    const member = choosable[next]!;
    onSelect(member.memberId);
    document.getElementById(`${searchId}-${member.memberId}`)?.focus();
  }

  return (
    <div className="mt-4">
      <label htmlFor={searchId} className="text-sm font-medium text-slate-700">{t("searchByNickname")}</label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && choosable[0]) {
            event.preventDefault();
            onSelect(choosable[0].memberId);
            document.getElementById(`${searchId}-${choosable[0].memberId}`)?.focus();
          }
        }}
        placeholder={t("nicknamePlaceholder")}
        autoComplete="off"
        className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
      />
      <div role="radiogroup" aria-label={label} onKeyDown={onKeyDown} className="mt-2 max-h-72 overflow-y-auto rounded-lg border border-slate-200">
        {loadError && <p role="alert" className="p-3 text-sm text-red-700">{loadError}</p>}
        {!members && !loadError && <p className="p-3 text-sm text-slate-500">{t("loadingTeam")}</p>}
        {members && filtered.length === 0 && <p className="p-3 text-sm text-slate-500">{t("noMatch", { query })}</p>}
        {filtered.map((member) => {
          const reason = unavailable.get(member.memberId);
          const isSelected = member.memberId === selectedId;
          const isFocusTarget = isSelected || (!selectedId && member.memberId === choosable[0]?.memberId);
          const loadRatio = member.capacity > 0 ? member.openSessions / member.capacity : 1;
          return (
            <button
              key={member.memberId}
              id={`${searchId}-${member.memberId}`}
              type="button"
              role="radio"
              aria-checked={isSelected}
              aria-disabled={reason !== undefined}
              tabIndex={isFocusTarget && !reason ? 0 : -1}
              onClick={() => !reason && onSelect(member.memberId)}
              data-testid="member-option"
              className={`flex w-full items-center gap-3 border-b border-slate-100 px-3 py-2.5 text-left last:border-b-0 ${
                reason ? "cursor-not-allowed opacity-50" : isSelected ? "bg-brand-50" : "hover:bg-slate-50"
              }`}
            >
              <span className="relative shrink-0">
                {member.avatarUrl ? (
                  <img src={member.avatarUrl} alt="" className="h-9 w-9 rounded-full object-cover" />
                ) : (
                  <span aria-hidden className="flex h-9 w-9 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-600">{initialsOf(member.nickname)}</span>
                )}
                <span aria-hidden className={`absolute -bottom-0.5 -right-0.5 h-3 w-3 rounded-full ring-2 ring-white ${member.isOnline ? "bg-emerald-500" : "bg-slate-300"}`} />
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-center gap-2">
                  <span className="truncate text-sm font-medium text-slate-900">{member.memberId === selfId ? t("self", { name: member.nickname }) : member.nickname}</span>
                  <span className="text-xs capitalize text-slate-500">{roleText(consoleT, member.role)}</span>
                </span>
                <span className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                  <span className={member.isOnline ? "text-emerald-700" : ""}>{member.isOnline ? t("online") : t("offline")}</span>
                  <span aria-hidden>·</span>
                  <span>{member.acceptAutoAssign ? t("accepting") : t("notAccepting")}</span>
                  {reason && (
                    <>
                      <span aria-hidden>·</span>
                      <span>{reason}</span>
                    </>
                  )}
                </span>
              </span>
              <span className="w-20 shrink-0 text-right">
                <span className="text-xs tabular-nums text-slate-600" aria-label={t("load", { open: member.openSessions, capacity: member.capacity })}>
                  {member.openSessions}/{member.capacity}
                </span>
                <span aria-hidden className="mt-1 block h-1 overflow-hidden rounded-full bg-slate-100">
                  <span className={`block h-full rounded-full ${loadRatio >= 0.9 ? "bg-red-400" : loadRatio >= 0.6 ? "bg-amber-400" : "bg-emerald-400"}`} style={{ width: `${Math.min(100, Math.max(4, loadRatio * 100))}%` }} />
                </span>
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

export interface TransferDialogProps {
  sessionId: string;
  /** The member holding the chat now (cannot receive it). */
  holderId: string | null;
  selfId: string;
  onClose(): void;
  onTransferred(result: { moved: number; targetNickname: string; targetMemberId: string }): void;
}

export function TransferDialog({ sessionId, holderId, selfId, onClose, onTransferred }: TransferDialogProps) {
  const t = useTranslations("console.transfer");
  const consoleT = useConsoleTranslate();
  const locale = useLocale();
  const { call } = useConsoleSocket();
  const { members, error: loadError } = useShopMembers();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [scope, setScope] = useState<"this" | "all">("this");
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scopeName = useId();

  // Only the holder cannot receive the chat: an owner or admin managing all chats may take
  // another member's chat for themselves (issue 10, "Transfer to me").
  const unavailable = useMemo(() => {
    const map = new Map<string, string>();
    if (holderId) map.set(holderId, holderId === selfId ? t("youHold") : t("holds"));
    return map;
  }, [holderId, selfId, t]);
  const target = members?.find((member) => member.memberId === selectedId) ?? null;
  // "All my ongoing chats" is only meaningful for the agent's own chats.
  const canMoveAll = holderId === selfId;

  async function submit() {
    if (!target) return;
    setIsBusy(true);
    setError(null);
    try {
      const result = await call("session:transfer", {
        scope: scope === "all" && canMoveAll ? "all_mine" : { sessionId },
        // By id: two members may share a nickname, the dialog knows which one was chosen.
        targetMemberId: target.memberId,
      });
      onTransferred({ moved: result.moved, targetNickname: target.nickname, targetMemberId: target.memberId });
    } catch (caught) {
      setError(caught instanceof CommandError ? serverErrorText(consoleT, locale, caught, "errors.transferFailed") : consoleT("errors.transferFailed"));
      setIsBusy(false);
    }
  }

  return (
    <Modal title={t("title")} description={t("description")} onClose={onClose} initialFocus='input[type="search"]'>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <MemberPicker label={t("transferTo")} members={members} loadError={loadError} unavailable={unavailable} selectedId={selectedId} selfId={selfId} onSelect={setSelectedId} />
        <fieldset className="mt-4">
          <legend className="text-sm font-medium text-slate-700">{t("whatToTransfer")}</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            <label className={`flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-2 text-sm ${scope === "this" ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}>
              <input type="radio" name={scopeName} value="this" checked={scope === "this"} onChange={() => setScope("this")} className="mt-0.5 accent-brand-600" />
              <span>{t("thisChatOnly")}</span>
            </label>
            <label className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${!canMoveAll ? "cursor-not-allowed opacity-50" : "cursor-pointer"} ${scope === "all" ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}>
              <input type="radio" name={scopeName} value="all" checked={scope === "all"} disabled={!canMoveAll} onChange={() => setScope("all")} className="mt-0.5 accent-brand-600" />
              <span>{t.rich("allMine", { muted: (chunks) => <span className="text-slate-500">{chunks}</span> })}</span>
            </label>
          </div>
        </fieldset>
        {target && !target.isOnline && (
          <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-800">{t("targetOffline", { name: target.nickname })}</p>
        )}
        {error && <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{t("cancel")}</button>
          <button type="submit" disabled={!target || isBusy}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300">
            {isBusy ? t("transferring") : target ? (target.memberId === selfId ? t("transferToMe") : t("transferToName", { name: target.nickname })) : t("submit")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
