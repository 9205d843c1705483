// AUTO-3: a refused import as the error every route answers: 400 BAD_INPUT, one line per bad row
// under fieldErrors.csv ("Line 4: category must be one of …"), nothing written. Beside them,
// `rows` names each bad row's reasons by code with their values, so a console in another
// language can say the same (NF-5); the English text and the fields above stay as they were.
import { AppError } from "@/core/errors";
import type { FaqCsvError } from "@/core/faq";

export interface FaqImportRowIssues {
  line: number;
  issues: FaqCsvError["issues"];
}

export class FaqImportRefusal extends AppError {
  readonly rows: FaqImportRowIssues[];

  constructor(errors: FaqCsvError[]) {
    const lines = errors.map((error) => (error.line > 0 ? `Line ${error.line}: ${error.message}` : error.message));
    super("BAD_INPUT", `The file was not imported (${errors.length} bad ${errors.length === 1 ? "row" : "rows"}); nothing was changed.`, { csv: lines });
    this.rows = errors.map((error) => ({ line: error.line, issues: error.issues }));
  }

  override toJSON() {
    return { ...super.toJSON(), rows: this.rows };
  }
}

export function importRefusal(errors: FaqCsvError[]): AppError {
  return new FaqImportRefusal(errors);
}
