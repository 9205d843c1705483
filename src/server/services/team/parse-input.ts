// Services validate their input too: a route validated it already, but a service may also be
// called from a socket handler, a job or a test, and must never write a half-checked record.
import type { z } from "zod";
import { AppError } from "@/core/errors";
import { zodFieldErrors } from "@/shared/validation";

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
  return parsed.data;
}
