"use client";

// The chat window column and the buyer/workbench column for the selected conversation
// (CONSOLE-6, CONSOLE-7): one place holds the conversation's details and messages, so the
// header, history, composer, buyer panel and workbench all act on the same state.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { SessionCategoryDto, SessionDto } from "@/shared/dto";
import { CommandError, useConsoleSocket } from "../console-socket-context";
import { TransferDialog } from "../transfer-dialog";
import { AssignDialog } from "./assign-dialog";
import { BuyerPanel } from "./buyer-panel";
import { useChatTexts } from "./chat-texts";
import { ChatHeader } from "./chat-header";
import { Composer, type ComposerBlock } from "./composer";
import { RecommendationPanel } from "./recommendation-panel";
import { MessageList } from "./message-list";
import { Modal } from "./modal";
import { HeldByOtherNotice, TransferredPopup } from "./take-over";
import { useConversationDetails } from "./use-conversation-details";
import { useIsTabVisible } from "./use-is-tab-visible";
import { useThread } from "./use-thread";

export interface WorkbenchSlotProps {
  conversationId: string | null;
  onSendProduct(productId: string): Promise<void>;
  onSendVoucher(voucherId: string): Promise<void>;
  onSendOrder(orderId: string): Promise<void>;
}

export interface ChatWorkspaceProps {
  conversationId: string | null;
  memberId: string;
  /** The chat left the member's hands (transfer): the shell clears the selection. */
  onClearSelection(): void;
  renderWorkbench(props: WorkbenchSlotProps): ReactNode;
}

type Dialog = "transfer" | "end" | "assign" | null;

/** The last transfer a chat manager made of a chat they still see (the seller center's pop-up). */
type Transferred = { targetNickname: string; targetMemberId: string | null; moved: number };

export function ChatWorkspace({ conversationId, memberId, onClearSelection, renderWorkbench }: ChatWorkspaceProps) {
  const { call } = useConsoleSocket();
  const t = useTranslations("chat.workspace");
  const tErrors = useTranslations("chat.errors");
  const { errorText } = useChatTexts();
  const detailsState = useConversationDetails(conversationId);
  const { details } = detailsState;
  const thread = useThread(conversationId, details?.conversation.buyerReadSeq ?? null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [transferred, setTransferred] = useState<Transferred | null>(null);
  const [isAtBottom, setIsAtBottom] = useState(true);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const isTabVisible = useIsTabVisible();
  const session = details?.currentSession ?? null;

  useEffect(() => {
    setDialog(null);
    setTransferred(null);
    setActionError(null);
    setIsAtBottom(true);
    setIsDrawerOpen(false);
  }, [conversationId]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6_000);
    return () => clearTimeout(timer);
  }, [notice]);

  // CHAT-4: new buyer messages in view, in a visible tab, are read.
  const { markRead } = thread;
  const lastBuyerSeq = useMemo(() => {
    for (let index = thread.state.messages.length - 1; index >= 0; index--) {
      const message = thread.state.messages[index]!;
      if (message.authorType === "buyer") return message.seq;
    }
    return 0;
  }, [thread.state.messages]);
  // AUTO-4: the recommendation panel follows the latest buyer message; a click fills the composer.
  const latestBuyerMessageId = useMemo(() => {
    for (let index = thread.state.messages.length - 1; index >= 0; index--) {
      const message = thread.state.messages[index]!;
      if (message.authorType === "buyer") return message.id;
    }
    return null;
  }, [thread.state.messages]);
  const [insert, setInsert] = useState<{ text: string; nonce: number } | null>(null);
  useEffect(() => setInsert(null), [conversationId]);
  const myReadSeq = details?.conversation.myReadSeq ?? 0;
  const markedBuyerSeq = useRef<{ id: string | null; seq: number }>({ id: null, seq: 0 });
  useEffect(() => {
    if (!conversationId || !details || !thread.state.isLoaded || !isAtBottom || !isTabVisible) return;
    const marked = markedBuyerSeq.current.id === conversationId ? markedBuyerSeq.current.seq : 0;
    if (lastBuyerSeq <= Math.max(myReadSeq, marked)) return;
    markedBuyerSeq.current = { id: conversationId, seq: lastBuyerSeq };
    markRead(thread.state.messages.at(-1)?.seq ?? lastBuyerSeq);
  }, [conversationId, details, thread.state.isLoaded, thread.state.messages, isAtBottom, isTabVisible, lastBuyerSeq, myReadSeq, markRead]);

  const run = useCallback(async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setActionError(null);
    try {
      await action();
      return true;
    } catch (error) {
      setActionError(error instanceof CommandError ? errorText(error, t("actionFailed")) : t("actionFailed"));
      return false;
    } finally {
      setBusy(null);
    }
  }, [errorText, t]);

  const { applySession } = detailsState;
  const optimistic = useCallback(async (key: string, patch: Partial<SessionDto>, send: () => Promise<unknown>) => {
    if (!session) return;
    const before = session;
    applySession({ ...session, ...patch });
    const isDone = await run(key, send);
    if (!isDone) applySession(before);
  }, [session, applySession, run]);

  const onStar = (starred: boolean) => session && void optimistic("star", { starred }, () => call("session:star", { sessionId: session.id, starred }));
  const onCategory = (category: SessionCategoryDto | null) => session && void optimistic("category", { category }, () => call("session:set_category", { sessionId: session.id, category }));
  const assignTo = useCallback(async (targetMemberId: string) => {
    if (!session) return false;
    return run("assign", () => call("session:assign", { sessionId: session.id, targetMemberId }));
  }, [session, run, call]);

  const transferToMe = useCallback(async () => {
    if (!session) return false;
    const isDone = await run("transfer", () => call("session:transfer", { scope: { sessionId: session.id }, targetMemberId: memberId }));
    if (isDone) {
      setTransferred(null);
      setNotice(t("chatIsYours"));
    }
    return isDone;
  }, [session, run, call, memberId, t]);

  async function endSession() {
    if (!session) return;
    const isDone = await run("end", () => call("session:end", { sessionId: session.id }));
    if (isDone) setDialog(null);
  }

  let block: ComposerBlock | null = null;
  if (details) {
    if (details.buyer.isBlocked) block = { reason: t.rich("blocked", { link: (chunks) => <a href="/settings/blocked-buyers" className="font-medium text-brand-700 underline">{chunks}</a> }) };
    else if (!session || session.state === "ended" || session.state === "expired") {
      block = { reason: t("closed") };
    } else if (session.state === "queued") {
      block = { reason: t("queued"), action: { label: t("assignToMe"), onClick: () => void assignTo(memberId), isBusy: busy === "assign" } };
    } else if (session.assigneeId !== memberId && !details.permissions.canTransferAny) {
      block = { reason: t("assignedToOther", { name: session.assigneeNickname ?? t("anotherMember") }) };
    }
  }
  const isHeldByOther = session?.state === "open" && session.assigneeId !== memberId;

  const { sendCard } = thread;
  const workbenchSlot = useMemo<WorkbenchSlotProps>(() => ({
    conversationId,
    onSendProduct: (productId) => sendCard({ kind: "product_card", productId }),
    onSendVoucher: (voucherId) => sendCard({ kind: "voucher_card", voucherId }),
    onSendOrder: (orderId) => sendCard({ kind: "order_card", orderId }),
  }), [conversationId, sendCard]);

  return (
    <>
      <section aria-label={t("chatWindow")} className="relative flex min-w-0 flex-1 flex-col bg-slate-50">
        {notice && (
          <p role="status" className="absolute left-1/2 top-3 z-10 -translate-x-1/2 rounded-full bg-slate-900 px-4 py-1.5 text-sm text-white shadow-lg">{notice}</p>
        )}
        {!conversationId ? (
          <EmptyState />
        ) : !details ? (
          detailsState.error ? (
            <div className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
              <p role="alert" className="text-sm text-slate-600">{errorText(detailsState.error, detailsState.error.isOffline ? tErrors("loadOffline") : tErrors("loadFailed"))}</p>
              <button type="button" onClick={detailsState.reload} className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">{t("tryAgain")}</button>
            </div>
          ) : (
            <div className="flex flex-1 items-center justify-center text-sm text-slate-500" aria-busy>{t("loadingChat")}</div>
          )
        ) : (
          <>
            <ChatHeader
              details={details}
              session={session}
              memberId={memberId}
              busy={busy}
              onStar={onStar}
              onCategory={onCategory}
              onTransfer={() => setDialog("transfer")}
              onTransferToMe={() => void transferToMe()}
              onEnd={() => setDialog("end")}
              onAssignToMe={() => void assignTo(memberId)}
              onAssignTo={() => setDialog("assign")}
              onOpenWorkbench={() => setIsDrawerOpen(true)}
              isWorkbenchOpen={isDrawerOpen}
            />
            {actionError && !dialog && (
              <div role="alert" className="flex items-center justify-between gap-3 border-b border-red-100 bg-red-50 px-5 py-2 text-sm text-red-700">
                <span>{actionError}</span>
                <button type="button" onClick={() => setActionError(null)} aria-label={t("dismiss")} className="rounded px-1.5 text-red-500 hover:bg-red-100">×</button>
              </div>
            )}
            <MessageList
              thread={thread.state}
              buyerNickname={details.buyer.nickname}
              isLoadingOlder={thread.isLoadingOlder}
              isBuyerTyping={thread.isBuyerTyping}
              loadError={thread.loadError}
              onLoadOlder={() => void thread.loadOlder()}
              onRetry={thread.retry}
              onDiscard={thread.discard}
              onRetryTranslation={thread.retryTranslation}
              onBottomVisibilityChange={setIsAtBottom}
            />
            {isHeldByOther && !block && (
              <HeldByOtherNotice holderNickname={session.assigneeNickname ?? t("anotherMemberStart")} isBusy={busy === "transfer"} onTransferToMe={() => void transferToMe()} />
            )}
            {!block && (
              <RecommendationPanel
                conversationId={conversationId}
                latestBuyerMessageId={latestBuyerMessageId}
                onInsert={(text) => setInsert((previous) => ({ text, nonce: (previous?.nonce ?? 0) + 1 }))}
              />
            )}
            <Composer
              key={conversationId}
              conversationId={conversationId}
              block={block}
              canUpload={details.permissions.canUpload}
              onSendText={thread.sendText}
              onSendFile={thread.sendFile}
              insert={insert}
            />
          </>
        )}
      </section>

      {/* CONSOLE-9: a column from 1,024 px; below, a drawer over the chat, opened from the header. */}
      {isDrawerOpen && (
        <div aria-hidden="true" data-testid="workbench-backdrop" className="fixed inset-0 z-30 bg-slate-900/30 lg:hidden" onClick={() => setIsDrawerOpen(false)} />
      )}
      <aside
        id="console-workbench-drawer"
        aria-label={t("buyerAndWorkbenchRegion")}
        data-testid="workbench-column"
        data-drawer-open={isDrawerOpen}
        onKeyDown={(event) => {
          if (event.key === "Escape" && isDrawerOpen && !event.defaultPrevented) setIsDrawerOpen(false);
        }}
        className={`${isDrawerOpen ? "fixed inset-y-0 right-0 z-40 flex w-[22rem] max-w-[90vw] shadow-2xl" : "hidden"} flex-col border-l border-slate-200 bg-white lg:static lg:z-auto lg:flex lg:w-72 lg:max-w-none lg:shrink-0 lg:shadow-none xl:w-[22rem]`}
      >
        <div className="flex shrink-0 items-center justify-between border-b border-slate-200 px-3 py-2 lg:hidden">
          <span className="text-sm font-medium text-slate-700">{t("buyerAndWorkbench")}</span>
          <button type="button" onClick={() => setIsDrawerOpen(false)} aria-label={t("closeBuyerAndWorkbench")} data-testid="close-workbench"
            className="rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100">×</button>
        </div>
        {details && conversationId && (
          <div className="max-h-[50%] shrink-0 overflow-y-auto">
            <BuyerPanel details={details} onChanged={detailsState.reload} />
          </div>
        )}
        <div className="min-h-0 flex-1">{renderWorkbench(workbenchSlot)}</div>
      </aside>

      {dialog === "transfer" && session && (
        <TransferDialog
          sessionId={session.id}
          holderId={session.assigneeId}
          selfId={memberId}
          onClose={() => setDialog(null)}
          onTransferred={({ moved, targetNickname, targetMemberId }) => {
            setDialog(null);
            if (details?.permissions.canTransferAny) {
              // A chat manager still sees the chat: offer to take it back or hand it on.
              setTransferred({ moved, targetNickname, targetMemberId });
              return;
            }
            setNotice(t("transferredNotice", { count: moved, name: targetNickname }));
            onClearSelection();
          }}
        />
      )}
      {transferred && !dialog && (
        <TransferredPopup
          targetNickname={transferred.targetNickname}
          moved={transferred.moved}
          canTakeBack={transferred.targetMemberId !== memberId}
          isBusy={busy === "transfer"}
          error={actionError}
          onTransferToMe={() => void transferToMe()}
          onTransferToOthers={() => {
            setTransferred(null);
            setDialog("transfer");
          }}
          onClose={() => setTransferred(null)}
        />
      )}
      {dialog === "end" && session && (
        <Modal
          title={t("endTitle")}
          description={t("endDescription", { buyer: details?.buyer.nickname ?? t("theBuyer") })}
          onClose={() => setDialog(null)}
          size="sm"
        >
          {actionError && <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{actionError}</p>}
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" onClick={() => setDialog(null)} className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{t("cancel")}</button>
            <button type="button" onClick={() => void endSession()} disabled={busy === "end"}
              className="rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:opacity-60">
              {busy === "end" ? t("ending") : t("endChat")}
            </button>
          </div>
        </Modal>
      )}
      {dialog === "assign" && session && (
        <AssignDialog
          selfId={memberId}
          error={actionError}
          isBusy={busy === "assign"}
          onClose={() => setDialog(null)}
          onAssign={async (targetId) => {
            if (await assignTo(targetId)) setDialog(null);
          }}
        />
      )}
    </>
  );
}

function EmptyState() {
  const t = useTranslations("chat.workspace");
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <div aria-hidden className="flex h-14 w-14 items-center justify-center rounded-2xl bg-white text-2xl shadow-sm ring-1 ring-slate-200">💬</div>
      <div>
        <p className="font-medium text-slate-700">{t("emptyTitle")}</p>
        <p className="mt-1 text-sm text-slate-500">{t("emptyHint")}</p>
      </div>
    </div>
  );
}
