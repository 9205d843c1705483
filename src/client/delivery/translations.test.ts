import { describe, expect, it } from "vitest";
import type { MessageTranslationDto } from "@/shared/dto";
import { mergeTranslations } from "./translations";

const translation = (patch: Partial<MessageTranslationDto>): MessageTranslationDto => ({
  messageId: "m1", seq: 1, from: "es", language: "en", status: "done", text: "Where is my order?", engine: "apertium", failure: null, createdAt: "2026-01-01T00:00:00.000Z", ...patch,
});

describe("SET-3 translations kept beside the messages", () => {
  it("SET-3 a retry's success replaces the failure; an unchanged translation keeps the same map", () => {
    const failed = mergeTranslations(new Map(), [translation({ status: "failed", text: null, failure: "unavailable" })]);
    const done = mergeTranslations(failed, [translation({})]);
    expect(done.get("m1")?.status).toBe("done");
    expect(mergeTranslations(done, [translation({})])).toBe(done);
  });

  it("SET-3 a stale failure arriving after the success does not hide it", () => {
    const done = mergeTranslations(new Map(), [translation({ createdAt: "2026-01-01T00:00:00.000Z" })]);
    expect(mergeTranslations(done, [translation({ status: "failed", text: null, failure: "unavailable" })]).get("m1")?.status).toBe("done");
  });

  it("SET-3 a view can keep only the translations it shows", () => {
    expect(mergeTranslations(new Map(), [translation({})], (item) => item.language === "es").size).toBe(0);
  });
});
