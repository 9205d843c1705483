// zod errors as the field map every client shows next to its inputs.
import type { z } from "zod";
import type { FieldErrors } from "@/core/errors";

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
