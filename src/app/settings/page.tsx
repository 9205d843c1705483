import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

/** /settings opens the page every member has: their personal settings. */
export default function SettingsPage() {
  redirect("/settings/personal");
}
