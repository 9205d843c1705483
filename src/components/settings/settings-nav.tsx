"use client";

// The settings area's left sub-navigation. The server decides which entries the member may
// see; this only marks the current one.
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export interface SettingsNavItem {
  href: string;
  label: string;
}

export function SettingsNav({ items }: { items: SettingsNavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations("settings.nav");
  return (
    <nav aria-label={t("label")} className="w-56 shrink-0 border-r border-slate-200 bg-white p-3">
      <ul className="space-y-1 text-sm">
        {items.map((item) => {
          const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <a href={item.href} aria-current={isCurrent ? "page" : undefined}
                className={`block rounded-md px-3 py-2 ${isCurrent ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
