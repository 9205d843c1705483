// Issue 9: docs/realtime.md is the contract black-box tests read, so its command tables must
// say what src/shared/commands.ts declares: the same commands, permissions and error codes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, WIRE_ERROR_CODES, type CommandSpec, type NamespaceName } from "@/shared/commands";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/realtime.md"), "utf8");

/** The rows of the table under `## <heading>`: command name to its cells. */
function tableRows(heading: string): Map<string, string[]> {
  const section = doc.split(/^## /m).find((part) => part.startsWith(heading));
  if (!section) throw new Error(`docs/realtime.md has no section ${heading}`);
  const rows = new Map<string, string[]>();
  for (const line of section.split("\n")) {
    const match = /^\| `([^`]+)` \|/.exec(line);
    if (match) rows.set(match[1]!, line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

const codesIn = (cell: string) => [...cell.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]).sort();

describe("the command map and docs/realtime.md agree (issue 9)", () => {
  for (const [namespace, heading] of [["widget", "Widget commands"], ["console", "Console commands"]] as [NamespaceName, string][]) {
    it(`issue 9: the ${namespace} table lists exactly the declared commands with their error codes`, () => {
      const rows = tableRows(heading);
      const specs = COMMANDS[namespace] as unknown as Record<string, CommandSpec>;
      expect([...rows.keys()].sort()).toEqual(Object.keys(specs).sort());
      for (const [name, spec] of Object.entries(specs)) {
        const cells = rows.get(name)!;
        expect(codesIn(cells.at(-1)!), `${namespace} ${name} errors`).toEqual([...spec.errors].sort());
        if (namespace === "console") {
          const permission = cells[1]!;
          if (spec.permission) expect(permission.startsWith(`\`${spec.permission}\``), `${name} permission`).toBe(true);
          else expect(permission, `${name} permission`).toBe("—");
        }
      }
    });
  }

  it("issue 9: no command re-declares a code every command may answer", () => {
    for (const specs of Object.values(COMMANDS) as unknown as Record<string, CommandSpec>[]) {
      for (const spec of Object.values(specs)) for (const code of spec.errors) expect(WIRE_ERROR_CODES).not.toContain(code);
    }
  });
});
