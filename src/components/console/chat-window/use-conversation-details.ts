"use client";

// The chat window's header and buyer panel data (GET /api/console/conversations/{id}), kept live:
// a session.changed event for this conversation updates the session at once, and the record list
// (assignment history, ASSIGN-8) is re-read shortly after. Re-read after every reconnect too.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SessionDto } from "@/shared/dto";
import type { SessionChangedEvent } from "@/shared/events";
import { useConsoleEvent, useConsoleSocket } from "../console-socket-context";
import type { ConversationDetailsDto } from "./conversation-types";

export interface ConversationDetailsState {
  details: ConversationDetailsDto | null;
  error: string | null;
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
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!conversationId) return;
    const controller = new AbortController();
    fetch(`/api/console/conversations/${conversationId}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as { data?: ConversationDetailsDto; error?: { message: string } } | null;
        if (controller.signal.aborted) return;
        if (response.ok && body?.data) {
          setLoaded({ id: conversationId, details: body.data });
          setError(null);
        } else {
          setError({ id: conversationId, message: body?.error?.message ?? "This chat could not be loaded." });
        }
      })
      .catch(() => {
        if (!controller.signal.aborted) setError({ id: conversationId, message: "This chat could not be loaded. Check your connection." });
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
  const message = error && error.id === conversationId ? error.message : null;
  return { details, error: details ? null : message, isLoading: conversationId !== null && !details && !message, reload, applySession };
}
