"use client";

// API-1: the shop's integration tokens in settings (api_token:manage). A new token's secret is
// shown once, with a copy button; afterwards only its first characters are known. Revoking asks
// for confirmation and takes effect on the integration's next request.
import { useId, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ApiTokenDto } from "@/shared/api-v1-schemas";
import { callApi, type ApiError } from "./api";
import { useErrorTexts } from "./error-text";
import { ConfirmDialog } from "./confirm-dialog";
import { FieldHint, Notice, SettingsSection, dangerButtonClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "./ui";

export function ApiTokensPanel({ initialTokens }: { initialTokens: ApiTokenDto[] }) {
  const t = useTranslations("settings.apiTokens");
  const errorTexts = useErrorTexts();
  const [tokens, setTokens] = useState(initialTokens);
  const [name, setName] = useState("");
  const [isCreating, setIsCreating] = useState(false);
  const [createError, setCreateError] = useState<ApiError | null>(null);
  const [newSecret, setNewSecret] = useState<{ id: string; token: string; name: string } | null>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const [toRevoke, setToRevoke] = useState<ApiTokenDto | null>(null);
  const [isRevoking, setIsRevoking] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const nameId = useId();
  const secretId = useId();

  async function create(event: FormEvent) {
    event.preventDefault();
    setIsCreating(true);
    setCreateError(null);
    const result = await callApi<{ token: string; apiToken: ApiTokenDto }>("/api/api-tokens", { method: "POST", json: { name } });
    setIsCreating(false);
    if (!result.ok) {
      setCreateError(result.error);
      return;
    }
    setTokens((previous) => [result.data.apiToken, ...previous]);
    setNewSecret({ id: result.data.apiToken.id, token: result.data.token, name: result.data.apiToken.name });
    setCopyState("idle");
    setName("");
  }

  async function copySecret() {
    if (!newSecret) return;
    try {
      await navigator.clipboard.writeText(newSecret.token);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  }

  async function revoke() {
    if (!toRevoke) return;
    setIsRevoking(true);
    setListError(null);
    const result = await callApi<{ token: ApiTokenDto }>(`/api/api-tokens/${encodeURIComponent(toRevoke.id)}`, { method: "DELETE" });
    setIsRevoking(false);
    setToRevoke(null);
    if (!result.ok) {
      setListError(errorTexts.message(result.error));
      return;
    }
    // A revoked token's secret is useless: stop showing it.
    setNewSecret((shown) => (shown?.id === result.data.token.id ? null : shown));
    setTokens((previous) => {
      const others = previous.filter((token) => token.id !== result.data.token.id);
      return [...others.filter((token) => !token.revokedAt), result.data.token, ...others.filter((token) => token.revokedAt)];
    });
  }

  const nameError = errorTexts.fieldOf(createError, "name");
  return (
    <div className="space-y-6">
      <SettingsSection
        title={t("createTitle")}
        headingId="section-create-a-token"
        description={t.rich("createDescription", {
          link: (chunks) => <a className="text-brand-700 underline hover:no-underline" href="/api/v1/openapi.json">{chunks}</a>,
        })}
      >
        <form onSubmit={create} className="flex flex-wrap items-start gap-3" noValidate>
          <div className="min-w-64 flex-1">
            <label htmlFor={nameId} className={labelClass}>{t("name")}</label>
            <input
              id={nameId}
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={80}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={`${nameId}-hint`}
              placeholder={t("namePlaceholder")}
              className={inputClass}
            />
            <FieldHint id={`${nameId}-hint`} error={nameError} hint={t("nameHint")} />
          </div>
          <button type="submit" disabled={isCreating} className={`${primaryButtonClass} mt-6`}>
            {isCreating ? t("creating") : t("create")}
          </button>
        </form>
        {createError && !nameError && <div className="mt-3"><Notice tone="error">{errorTexts.message(createError)}</Notice></div>}

        {newSecret && (
          <div role="status" aria-labelledby={`${secretId}-title`} data-testid="new-api-token" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-4">
            <h3 id={`${secretId}-title`} className="text-sm font-semibold text-amber-900">{t("copyNow", { name: newSecret.name })}</h3>
            <p className="mt-1 text-sm text-amber-900">
              {t("shownOnce")}
            </p>
            <div className="mt-3 flex gap-2">
              <label htmlFor={secretId} className="sr-only">{t("newToken")}</label>
              <input
                id={secretId}
                readOnly
                value={newSecret.token}
                onFocus={(event) => event.currentTarget.select()}
                className="w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
              />
              <button type="button" onClick={copySecret} className={secondaryButtonClass}>
                {copyState === "copied" ? t("copied") : t("copy")}
              </button>
              <button type="button" onClick={() => setNewSecret(null)} className={secondaryButtonClass}>
                {t("done")}
              </button>
            </div>
            {copyState === "failed" && <p className="mt-2 text-xs text-red-700">{t("copyBlocked")}</p>}
          </div>
        )}
      </SettingsSection>

      <SettingsSection title={t("tokens")} headingId="section-tokens" description={t("tokensDescription")}>
        {listError && <div className="mb-3"><Notice tone="error">{listError}</Notice></div>}
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.name")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.token")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.created")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.lastUsed")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.status")}</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("columns.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <tr key={token.id} data-testid="api-token-row">
                  <th scope="row" className="py-2.5 pr-3 font-medium text-slate-900">{token.name}</th>
                  <td className="py-2.5 pr-3 font-mono text-xs text-slate-600">{token.prefix}…</td>
                  <td className="py-2.5 pr-3 text-slate-600"><LocalTime iso={token.createdAt} /></td>
                  <td className="py-2.5 pr-3 text-slate-600">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : t("never")}</td>
                  <td className="py-2.5 pr-3">
                    {token.revokedAt ? (
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t("revoked")}</span>
                    ) : (
                      <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700">{t("active")}</span>
                    )}
                  </td>
                  <td className="py-2.5 text-right">
                    {!token.revokedAt && (
                      <button type="button" className={dangerButtonClass} aria-label={t("revokeLabel", { name: token.name })} onClick={() => setToRevoke(token)}>
                        {t("revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SettingsSection>

      <ConfirmDialog
        isOpen={toRevoke !== null}
        title={t("revokeTitle", { name: toRevoke?.name ?? "" })}
        confirmLabel={t("revokeConfirm")}
        isBusy={isRevoking}
        onConfirm={revoke}
        onCancel={() => setToRevoke(null)}
      >
        {t("revokeText", { prefix: toRevoke?.prefix ?? "" })}
      </ConfirmDialog>
    </div>
  );
}

/** Server and browser may differ in time zone: the browser's rendering wins. In the member's language. */
function LocalTime({ iso }: { iso: string }) {
  const locale = useLocale();
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })}
    </time>
  );
}
