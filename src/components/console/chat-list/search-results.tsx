// CONSOLE-4: search results in place of the list, each with the match marked.
import { useCallback, useRef } from "react";
import { useLocale } from "next-intl";
import type { SearchResultDto } from "@/core/console";
import { useConsoleTranslate } from "../use-console-translate";
import type { ListProblem } from "./api";
import { BuyerAvatar } from "./chat-list-item";
import { problemText } from "./format";
import { HighlightText } from "./highlight-text";
import { useListboxKeys } from "./use-listbox-keys";

export const SEARCH_RESULTS_ID = "console-chat-search-results";

/** Catalog keys under `console.search`. */
const FIELD_KEYS: Record<SearchResultDto["matchedField"], string> = {
  message: "fields.message",
  nickname: "fields.nickname",
  order: "fields.order",
};
const STATE_KEYS: Record<NonNullable<SearchResultDto["state"]>, string> = {
  queued: "states.queued",
  open: "states.open",
  ended: "states.ended",
  expired: "states.expired",
};

export function SearchResults(props: {
  query: string;
  results: SearchResultDto[] | null;
  isSearching: boolean;
  error: ListProblem | null;
  selectedConversationId: string | null;
  onSelect(conversationId: string): void;
  onClear(): void;
}) {
  const t = useConsoleTranslate();
  const locale = useLocale();
  const results = props.results ?? [];
  const resultsRef = useRef(results);
  resultsRef.current = results;
  const { onSelect } = props;
  const optionId = useCallback((index: number) => `chat-search-option-${index}`, []);
  const openAt = useCallback((index: number) => {
    const result = resultsRef.current[index];
    if (result) onSelect(result.conversationId);
  }, [onSelect]);
  const keys = useListboxKeys({
    count: results.length,
    selectedIndex: results.findIndex((result) => result.conversationId === props.selectedConversationId),
    optionId,
    onEnter: openAt,
  });

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="search-results">
      <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2 text-xs text-slate-500">
        <span aria-live="polite">
          {props.isSearching ? t("search.searching") : props.error ? problemText(t, locale, props.error, "errors.searchFailed") : t("search.found", { count: results.length })}
        </span>
        <button type="button" onClick={props.onClear} className="text-brand-700 hover:underline">{t("search.clear")}</button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {results.length === 0 && !props.isSearching ? (
          <p className="p-6 text-center text-sm text-slate-500">{t("search.noMatch", { query: props.query })}</p>
        ) : (
          <ul id={SEARCH_RESULTS_ID} {...keys.listboxProps} aria-label={t("search.results")} className="divide-y divide-slate-100 focus:outline-none">
            {results.map((result, index) => (
              <li
                key={result.conversationId}
                id={optionId(index)}
                role="option"
                aria-selected={result.conversationId === props.selectedConversationId}
                onClick={() => {
                  keys.setActive(index);
                  props.onSelect(result.conversationId);
                }}
                className={`flex cursor-pointer gap-3 px-3 py-2.5 ${result.conversationId === props.selectedConversationId ? "bg-brand-50" : "hover:bg-slate-50"} ${keys.active === index ? "ring-2 ring-inset ring-brand-500" : ""}`}
              >
                <BuyerAvatar nickname={result.buyer.nickname} avatarUrl={result.buyer.avatarUrl} />
                <div className="min-w-0 flex-1">
                  <div className="flex items-baseline gap-2">
                    <span className="truncate text-sm font-medium text-slate-800"><HighlightText segments={result.title} /></span>
                    <span className="ml-auto shrink-0 rounded bg-slate-100 px-1.5 text-[11px] text-slate-500">{t(`search.${FIELD_KEYS[result.matchedField]}`)}</span>
                  </div>
                  {result.snippet.length > 0 && (
                    <p className="line-clamp-2 text-xs text-slate-600" data-testid="search-snippet"><HighlightText segments={result.snippet} /></p>
                  )}
                  {result.state && (
                    <p className="mt-0.5 text-[11px] text-slate-500">
                      {t(`search.${STATE_KEYS[result.state]}`)}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
