// SHOP-5: the next steps, each done or not from the shop's data (src/core/shop/onboarding.ts).
// The step's words come from the catalog by its id (onboarding.checklist.steps.<id>).
import { useTranslations } from "next-intl";
import type { SetupStep } from "@/core/shop/onboarding";

export function SetupChecklist({ steps }: { steps: SetupStep[] }) {
  const t = useTranslations("onboarding.checklist");
  return (
    <ol className="space-y-2 text-sm" data-testid="setup-checklist">
      {steps.map((step) => (
        <li key={step.id} data-step={step.id} data-state={step.state} className="flex items-center gap-3">
          <span aria-hidden className={`flex h-5 w-5 items-center justify-center rounded-full text-xs ${step.state === "done" ? "bg-emerald-500 text-white" : "border border-slate-300 text-slate-500"}`}>
            {step.state === "done" ? "✓" : ""}
          </span>
          {step.href && step.state !== "coming" ? (
            <a href={step.href} className={`hover:underline ${step.state === "done" ? "text-slate-500" : "font-medium text-brand-700"}`}>{t(`steps.${step.id}`)}</a>
          ) : (
            <span className={step.state === "coming" ? "text-slate-500" : "text-slate-700"}>{t(`steps.${step.id}`)}</span>
          )}
          <span className="sr-only">{step.state === "done" ? t("done") : step.state === "coming" ? t("comingSoon") : t("toDo")}</span>
          {step.state === "coming" && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-500">{t("coming")}</span>}
        </li>
      ))}
    </ol>
  );
}
