import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";

describe("SET-3 offline language detection", () => {
  it.each([
    ["¿Dónde está mi pedido? Lo compré hace una semana", "es"],
    ["Where is my order? I bought it a week ago", "en"],
    ["Apakah barang ini masih tersedia? Saya mau beli dua", "id"],
  ])("SET-3 %s reads as %s, reliably", (text, language) => {
    expect(detectLanguage(text)).toEqual({ language, reliable: true });
  });

  it.each(["ok", "hi", "👍"])("SET-3 %s is never a reliable detection", (text) => {
    expect(detectLanguage(text).reliable).toBe(false);
  });
});
