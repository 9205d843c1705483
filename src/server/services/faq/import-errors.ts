// AUTO-3: a refused import as the error every route answers: 400 BAD_INPUT, one line per bad row
// under fieldErrors.csv ("Line 4: category must be one of …"), nothing written.
import { AppError } from "@/core/errors";
import type { FaqCsvError } from "@/core/faq";

export function importRefusal(errors: FaqCsvError[]): AppError {
  const lines = errors.map((error) => (error.line > 0 ? `Line ${error.line}: ${error.message}` : error.message));
  return new AppError("BAD_INPUT", `The file was not imported (${errors.length} bad ${errors.length === 1 ? "row" : "rows"}); nothing was changed.`, { csv: lines });
}
