// NF-5: every user-facing string of the console, settings, analytics, account pages, demo store
// and widget comes from messages/<locale>/ (docs/i18n.md), so nothing shows in English to a
// Spanish reader. This fails on text written straight into a component.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findLiteralText } from "./find-literal-text";

/** Developer-only pages, never shown to a shop or a buyer. */
const DEVELOPER_ONLY = new Set(["src/app/dev/mail/page.tsx"]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

describe("user-facing text (NF-5)", () => {
  it("NF-5: no component or page writes user-facing text outside the message catalogs", () => {
    const files = [...tsxFiles("src/components"), ...tsxFiles("src/app")].filter((file) => !DEVELOPER_ONLY.has(file));
    expect(files.length).toBeGreaterThan(100);
    const literals = files.flatMap((file) => findLiteralText(file, readFileSync(file, "utf8")).map((hit) => `${file}:${hit.line} ${hit.where}: ${hit.text}`));
    expect(literals).toEqual([]);
  });

  it("NF-5: the check finds text, attributes, branches and dialogs, and leaves code alone", () => {
    const source = `
      export function Sample({ open }: { open: boolean }) {
        if (!window.confirm("Delete it?")) return null;
        return (
          <div className="p-2" data-testid="sample-box" aria-label="Close">
            Hello
            <input placeholder={open ? "Search" : "Find"} title={label ?? "Fallback"} />
            {open && "Open now"}
            {count} · {"42"} Counterpart
          </div>
        );
      }`;
    expect(findLiteralText("sample.tsx", source).map((hit) => `${hit.where}: ${hit.text}`)).toEqual([
      "window.confirm(): \"Delete it?\"",
      "aria-label attribute: \"Close\"",
      "JSX text: Hello",
      "placeholder attribute: \"Search\"",
      "placeholder attribute: \"Find\"",
      "title attribute: \"Fallback\"",
      "JSX child: \"Open now\"",
    ]);
  });
});
