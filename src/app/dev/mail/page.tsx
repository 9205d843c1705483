// The development mailbox was replaced by the outbox (MAIL-1), which works in every mode and
// shows only the signed-in member's shop's mail; old links and bookmarks land there.
import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

export default function DevMailPage(): never {
  redirect("/settings/outbox");
}
