// TEMPORARY preview (workbench engineer) — delete before commit.
import { Preview } from "./preview";
export const dynamic = "force-dynamic";
export default async function Page({ searchParams }: { searchParams: Promise<{ c?: string }> }) {
  const { c } = await searchParams;
  return <Preview conversationId={c ?? null} />;
}
