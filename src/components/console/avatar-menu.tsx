"use client";

// Avatar menu: who is signed in, switch shop (members of several shops), sign out.
import { signOut, useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { roleText } from "./console-text";
import { useConsoleTranslate } from "./use-console-translate";
import type { ConsoleMember } from "./console-shell";

export interface ShopOption {
  shopId: string;
  shopName: string;
  role: string;
}

export function AvatarMenu({ member, shops, canCreateShop = false }: { member: ConsoleMember; shops: ShopOption[]; canCreateShop?: boolean }) {
  const t = useTranslations("console.avatarMenu");
  const consoleT = useConsoleTranslate();
  const [isOpen, setIsOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const { update } = useSession();
  const router = useRouter();

  useEffect(() => {
    if (!isOpen) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menuRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [isOpen]);

  // The server accepts the switch only for a shop the person is an active member of (auth-options
  // jwt callback) and checks the membership again on every request. A full load then opens the
  // console of the new shop: its socket, lists and rooms are the new shop's, none of the old.
  async function switchShop(shopId: string) {
    const session = await update({ shopId });
    setIsOpen(false);
    if (session?.shopId === shopId) window.location.assign("/console");
    else router.refresh();
  }

  return (
    <div className="relative" ref={menuRef}>
      <button type="button" aria-haspopup="menu" aria-expanded={isOpen} onClick={() => setIsOpen(!isOpen)}
        className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white" aria-label={t("open", { name: member.nickname })}>
        {member.nickname.slice(0, 1).toUpperCase()}
      </button>
      {isOpen && (
        <div role="menu" className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-lg">
          <div className="border-b border-slate-100 px-2 pb-2">
            <p className="font-medium" data-testid="member-nickname">{member.nickname}</p>
            <p className="text-xs text-slate-500">{member.email} · {roleText(consoleT, member.role)}</p>
          </div>
          {shops.length > 1 && (
            <div className="border-b border-slate-100 py-1">
              <p className="px-2 py-1 text-xs uppercase tracking-wide text-slate-500">{t("switchShop")}</p>
              {shops.map((shop) => (
                <button key={shop.shopId} role="menuitem" type="button" disabled={shop.shopId === member.shopId} onClick={() => void switchShop(shop.shopId)}
                  className="block w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 disabled:font-medium disabled:text-brand-700">
                  {shop.shopName} <span className="text-xs text-slate-500">{t("shopRole", { role: roleText(consoleT, shop.role) })}</span>
                </button>
              ))}
            </div>
          )}
          {/* SHOP-2: another shop for the same person (hidden when SIGNUP_ENABLED=false). */}
          {canCreateShop && (
            <a role="menuitem" href="/sign-up" className="mt-1 block w-full rounded px-2 py-1.5 text-left text-slate-700 hover:bg-slate-100">{t("createShop")}</a>
          )}
          <button role="menuitem" type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })}
            className="mt-1 block w-full rounded px-2 py-1.5 text-left text-red-700 hover:bg-red-50">
            {t("signOut")}
          </button>
        </div>
      )}
    </div>
  );
}
