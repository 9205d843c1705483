"use client";

// AUTO-4: the best FAQ answers for the buyer's latest message, beside the composer, with their
// score. One click puts the answer into the composer, where the agent can still edit it. Fetched
// again whenever a new buyer message arrives (the thread already receives message.created live).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

interface RecommendationView {
  id: string;
  question: string;
  answer: string;
  score: number;
}

interface RecommendationsResponse {
  messageId: string | null;
  recommendations: RecommendationView[];
  autoSentFaqId: string | null;
}

export function RecommendationPanel(props: { conversationId: string; latestBuyerMessageId: string | null; onInsert(text: string): void }) {
  const { conversationId, latestBuyerMessageId } = props;
  const t = useTranslations("chat.recommendations");
  const [result, setResult] = useState<RecommendationsResponse | null>(null);

  useEffect(() => {
    if (!latestBuyerMessageId) return;
    const controller = new AbortController();
    fetch(`/api/console/conversations/${encodeURIComponent(conversationId)}/recommendations`, { credentials: "same-origin", cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { data?: RecommendationsResponse } | null) => setResult(body?.data ?? null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [conversationId, latestBuyerMessageId]);

  const shown = latestBuyerMessageId && result?.messageId === latestBuyerMessageId ? result.recommendations : [];
  if (shown.length === 0) return null;
  return (
    <section aria-label={t("label")} data-testid="recommendations" className="border-t border-slate-200 bg-slate-50 px-4 py-2">
      <p className="text-xs font-medium text-slate-500">
        {result?.autoSentFaqId ? t("headingAutoSent", { id: result.autoSentFaqId }) : t("heading")}
      </p>
      <ul className="mt-1 flex flex-col gap-1">
        {shown.map((recommendation) => (
          <li key={recommendation.id}>
            <button
              type="button"
              data-testid="recommendation"
              title={recommendation.answer}
              onClick={() => props.onInsert(recommendation.answer)}
              className="flex w-full items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1 text-left text-sm hover:border-brand-400 hover:bg-brand-50"
            >
              <span className="w-10 shrink-0 text-xs tabular-nums text-slate-500" aria-label={t("score", { score: String(recommendation.score) })}>{t("percent", { value: Math.round(recommendation.score * 100) / 100 })}</span>
              <span className="min-w-0 flex-1 truncate"><span className="font-medium">{recommendation.question}</span> <span className="text-slate-500">— {recommendation.answer}</span></span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
