import { redirect } from "next/navigation";
import { getCurrentMember } from "@/server/http/current-member";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const member = await getCurrentMember();
  redirect(member ? "/console" : "/sign-in");
}
