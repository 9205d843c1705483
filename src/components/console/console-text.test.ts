import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "@/core/console/shortcuts";
import { readCatalog } from "@/i18n/messages";
import { roleText, serverErrorText, type ConsoleTranslate } from "./console-text";

function consoleTranslate(locale: "en" | "es"): ConsoleTranslate {
  const t = createTranslator({ locale, messages: readCatalog(locale), namespace: "console" });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}
const en = consoleTranslate("en");
const es = consoleTranslate("es");

describe("NF-5 the console's words", () => {
  it("server errors: English reads the server's text, Spanish the code's sentence, unknown codes the server's text", () => {
    const capacity = { code: "CAPACITY_EXCEEDED", message: "Ben is at capacity (5 of 5)." };
    expect(serverErrorText(en, "en", capacity, "errors.transferFailed")).toBe("Ben is at capacity (5 of 5).");
    expect(serverErrorText(es, "es", capacity, "errors.transferFailed")).toBe("Ese miembro no tiene sitio para más chats.");
    expect(serverErrorText(es, "es", { code: "SOMETHING_NEW", message: "A new reason." }, "errors.transferFailed")).toBe("A new reason.");
    expect(serverErrorText(en, "en", { code: null, message: null }, "errors.transferFailed")).toBe("The transfer failed. Try again.");
    expect(serverErrorText(es, "es", { code: null, message: "" }, "errors.transferFailed")).toBe("La transferencia ha fallado. Inténtalo de nuevo.");
  });

  it("roles", () => {
    expect(roleText(en, "owner")).toBe("owner");
    expect(roleText(es, "agent")).toBe("agente");
    expect(roleText(es, "auditor")).toBe("auditor");
  });

  it("every shortcut's description is a phrase of the keyboard dialog", () => {
    for (const shortcut of SHORTCUTS) {
      expect(en.has(`shortcuts.actions.${shortcut.description}`), shortcut.action).toBe(true);
    }
    expect(SHORTCUTS.map((shortcut) => en(`shortcuts.actions.${shortcut.description}`))).toContain("Open the next chat in the list");
  });
});
