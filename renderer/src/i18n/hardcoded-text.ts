import ts from 'typescript';

/** Any Han character, CJK punctuation or full-width form. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
/** An English word: two letters or more. */
const WORD = /[A-Za-z]{2,}/g;
/** Attributes a person reads or hears. */
const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'title',
  'alt',
  'placeholder',
]);
/** Words allowed in JSX text and user-facing attributes (none so far; add with a reason). */
const ALLOWED_WORDS = new Set<string>();

export interface HardcodedText {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function hasEnglish(text: string): boolean {
  return (text.match(WORD) ?? []).some((word) => !ALLOWED_WORDS.has(word));
}

/**
 * Finds UI text written into source instead of the locale files: CJK in any string or JSX text,
 * and English words in JSX text or in attributes people read. Comments are not looked at.
 */
export function findHardcodedText(file: string, source: string): HardcodedText[] {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: HardcodedText[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (CJK.test(node.text) || hasEnglish(node.text)) report(node, node.text);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      if (CJK.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sourceFile))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && hasEnglish(value.text)) report(node, value.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
