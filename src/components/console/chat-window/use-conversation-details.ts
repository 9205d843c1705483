"use client";

// The chat window's header and buyer panel data (GET /api/console/conversations/{id}), kept live:
// a session.changed event for this conversation updates the session at once, and the record list
// (assignment history, ASSIGN-8) is re-read shortly after. Re-read after every reconnect too.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SessionDto } from "@/shared/dto";
import type { SessionChangedEvent } from "@/shared/events";
import { useConsoleEvent, useConsoleSocket } from "../console-socket-context";
import type { CodedError } from "./chat-texts";
import type { ConversationDetailsDto } from "./conversation-types";

export interface ConversationDetailsState {
  details: ConversationDetailsDto | null;
  /** Why the details could not be read: the route's error, or no connection (isOffline). */
  error: (CodedError & { isOffline: boolean }) | null;
  isLoading: boolean;
  reload(): void;
  /** Applies a session the client already knows changed (an acknowledged command). */
  applySession(session: SessionDto): void;
}

const REFRESH_DELAY_MS = 300;

export function applySessionChange(details: ConversationDetailsDto, session: SessionDto): ConversationDetailsDto {
  const isActive = session.state === "queued" || session.state === "open";
  const activeSession = isActive ? session : details.activeSession?.id === session.id ? null : details.activeSession;
  // A closed session only replaces the one on screen if it is that one (a late rating of an
  // older session must not take the header back in time).
  const currentSession = activeSession ?? (details.currentSession === null || details.currentSession.id === session.id ? session : details.currentSession);
  const known = details.sessions.some((entry) => entry.session.id === session.id);
  const sessions = known
    ? details.sessions.map((entry) => (entry.session.id === session.id ? { ...entry, session } : entry))
    : [{ session, createdAt: session.queuedAt, assignments: [] }, ...details.sessions];
  return { ...details, activeSession, currentSession, sessions };
}

export function useConversationDetails(conversationId: string | null): ConversationDetailsState {
  const { connectionEpoch } = useConsoleSocket();
  const [loaded, setLoaded] = useState<{ id: string; details: ConversationDetailsDto } | null>(null);
  const [error, setError] = useState<{ id: string; code?: string; message?: string; isOffline: boolean } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!conversationId) return;
    const controller = new AbortController();
    fetch(`/api/console/conversations/${conversationId}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as { data?: ConversationDetailsDto; error?: { code?: string; message?: string } } | null;
        if (controller.signal.aborted) return;
        if (response.ok && body?.data) {
          setLoaded({ id: conversationId, details: body.data });
          setError(null);
        } else {
          setError({ id: conversationId, code: body?.error?.code, message: body?.error?.message, isOffline: false });
        }
      })
      .catch(() => {
        if (!controller.signal.aborted) setError({ id: conversationId, isOffline: true });
      });
    return () => controller.abort();
  }, [conversationId, connectionEpoch, reloadKey]);

  useEffect(() => () => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
  }, []);

  const reload = useCallback(() => setReloadKey((key) => key + 1), []);

  const applySession = useCallback((session: SessionDto) => {
    setLoaded((current) => (current && current.id === session.conversationId ? { id: current.id, details: applySessionChange(current.details, session) } : current));
  }, []);

  const onSessionChanged = useCallback((event: SessionChangedEvent) => {
    if (event.session.conversationId !== conversationId) return;
    applySession(event.session);
    // Assignment records and the context card come with a re-read; batch bursts of events.
    if (event.change === "starred" || event.change === "categorized" || event.change === "replied" || event.change === "buyer_wrote") return;
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(reload, REFRESH_DELAY_MS);
  }, [conversationId, applySession, reload]);
  useConsoleEvent("session.changed", onSessionChanged);

  const details = loaded && loaded.id === conversationId ? loaded.details : null;
  const failure = error && error.id === conversationId ? { code: error.code, message: error.message, isOffline: error.isOffline } : null;
  return { details, error: details ? null : failure, isLoading: conversationId !== null && !details && !failure, reload, applySession };
}
