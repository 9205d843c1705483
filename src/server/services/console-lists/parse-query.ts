// URL query parameters through a zod schema; empty parameters count as absent.
import type { z } from "zod";
import { AppError } from "@/core/errors";
import { zodFieldErrors } from "@/shared/validation";

export function parseSearchParams<T extends z.ZodType>(url: string, schema: T): z.infer<T> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) {
    if (value !== "") params[key] = value;
  }
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Some query parameters are not valid.", zodFieldErrors(parsed.error));
  return parsed.data;
}
