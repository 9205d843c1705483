// NF-5: finds user-facing text written straight into a component instead of read from the
// message catalogs: JSX text, the user-facing attributes (aria-label, placeholder, title, alt,
// label…) and confirm()/alert()/prompt() arguments, including both branches of a conditional
// and the right side of `&&`, `||` and `??`. Used by no-literal-text.test.ts over every TSX file.
// Class names, test ids, keys, URLs and other attributes are not text and are not looked at.
import ts from "typescript";

const USER_FACING_ATTRIBUTES = new Set([
  "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext",
  "placeholder", "title", "alt", "label",
]);
const LETTER = /\p{L}/u;
/** Words that are the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(["Counterpart"]);

export interface LiteralText {
  line: number;
  where: string;
  text: string;
}

function isText(value: string): boolean {
  const trimmed = value.trim();
  return LETTER.test(trimmed) && !SAME_IN_EVERY_LANGUAGE.has(trimmed);
}

function literalsIn(expression: ts.Expression | undefined): ts.Node[] {
  if (!expression) return [];
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return isText(expression.text) ? [expression] : [];
  if (ts.isTemplateExpression(expression)) {
    const parts = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(" ");
    return isText(parts) ? [expression] : [];
  }
  if (ts.isParenthesizedExpression(expression)) return literalsIn(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...literalsIn(expression.whenTrue), ...literalsIn(expression.whenFalse)];
  const fallbacks = [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken];
  if (ts.isBinaryExpression(expression) && fallbacks.includes(expression.operatorToken.kind)) return literalsIn(expression.right);
  return [];
}

export function findLiteralText(fileName: string, source: string): LiteralText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralText[] = [];
  const report = (node: ts.Node, where: string) => {
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, where, text: node.getText(file).trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (isText(node.text)) report(node, "JSX text");
    } else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(file))) {
      const name = node.name.getText(file);
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && isText(value.text)) report(value, `${name} attribute`);
      else if (value && ts.isJsxExpression(value)) for (const literal of literalsIn(value.expression)) report(literal, `${name} attribute`);
    } else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of literalsIn(node.expression)) report(literal, "JSX child");
    } else if (ts.isCallExpression(node) && /^(window\.)?(confirm|alert|prompt)$/.test(node.expression.getText(file))) {
      for (const literal of literalsIn(node.arguments[0])) report(literal, `${node.expression.getText(file)}()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
