import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Citations of documents must point at something a clone of the repository can open: a file under
 * docs/ and, when a section is named, a numbered heading of that file. The project once cited
 * research notes that lived outside the repository; their names are listed here so that a
 * citation of them (with or without `.md`, under any folder) fails.
 */
const EXTERNAL_NOTES = [
  'hardware-protocols',
  'reliability',
  'feature-anchors',
  'model-codebases',
  'operations-anchors',
  'accessibility',
  'dependencies',
  'architecture',
  'domain',
] as const;

/** Notes that never became docs/ files: cited in any form, they are wrong. */
const NEVER_IN_REPO = new Set(['hardware-protocols', 'feature-anchors', 'model-codebases', 'operations-anchors']);

const CHECKED_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.css', '.json', '.md', '.yaml', '.yml'];
const CHECKED_FILES = new Set(['.ci/run']);

export interface CitationProblem {
  readonly file: string;
  readonly line: number;
  readonly citation: string;
  readonly problem: string;
}

/** Section numbers of a markdown file's headings: `## 2. Layers` → "2", `### 7.4 SAM ID` → "7.4". */
export function headingNumbers(markdown: string): Set<string> {
  const numbers = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6}[ \t]+(\d+(?:\.\d+)*)\.?[ \t]/gm)) {
    if (match[1] !== undefined) numbers.add(match[1]);
  }
  return numbers;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

// A docs/ path, then optional sections: `§4`, `§4/§5`, `§1.2, §1.3`, `§7.1 and §1.5`, possibly after
// a comment line break (` * §2`).
const SECTION = String.raw`§\s?\d+(?:\.\d+)*`;
const DOCS_CITATION = new RegExp(
  String.raw`(?<![\w/.-])(docs/[\w./-]+?\.md)(?:(?:[ \t]*\n[ \t]*(?:\*|//)[ \t]*|[ \t]+)(${SECTION}(?:(?:/|, ?| and )${SECTION})*))?`,
  'g',
);
// Any path-like token ending in one of the external notes' names.
const NOTE_NAME = new RegExp(String.raw`(?<![\w-])([\w./-]*?)(${EXTERNAL_NOTES.join('|')})(\.md\b|(?=\s?§))`, 'g');

/**
 * Problems in one file's text. `readDoc` returns a docs/ file's text, or null when it does not
 * exist (injected so the checker can be tested on made-up files).
 */
export function checkText(file: string, text: string, readDoc: (path: string) => string | null): CitationProblem[] {
  const problems: CitationProblem[] = [];
  for (const match of text.matchAll(NOTE_NAME)) {
    const [citation, prefix = '', name = ''] = match;
    const index = match.index ?? 0;
    if (/shared\/|reference\/|research\//.test(prefix)) {
      problems.push({ file, line: lineOf(text, index), citation, problem: 'cites a file outside the repository' });
    } else if (NEVER_IN_REPO.has(name)) {
      problems.push({
        file,
        line: lineOf(text, index),
        citation,
        problem: 'cites a research note that is not in the repository',
      });
    } else if (!(prefix.endsWith('docs/') && match[3] === '.md') && !isOwnFile(file, name)) {
      problems.push({ file, line: lineOf(text, index), citation, problem: `cite it as docs/${name}.md` });
    }
  }
  for (const match of text.matchAll(DOCS_CITATION)) {
    const [citation, path = '', sections] = match;
    const line = lineOf(text, match.index ?? 0);
    const doc = readDoc(path);
    if (doc === null) {
      problems.push({ file, line, citation, problem: `${path} does not exist` });
      continue;
    }
    if (sections === undefined) continue;
    const known = headingNumbers(doc);
    for (const section of sections.matchAll(/§\s?(\d+(?:\.\d+)*)/g)) {
      if (section[1] !== undefined && !known.has(section[1])) {
        problems.push({ file, line, citation, problem: `${path} has no section ${section[1]}` });
      }
    }
  }
  return problems;
}

/** A docs/ file may name itself in prose (docs/domain.md saying "domain" is not a citation). */
const isOwnFile = (file: string, name: string) => file === `docs/${name}.md`;

/** Every text file of the checkout that may carry a citation: tracked or new, never ignored. */
export function filesToCheck(root: string, skip: ReadonlySet<string>): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((path) => path !== '' && !skip.has(path) && !path.startsWith('node_modules/'))
    .filter((path) => path !== 'package-lock.json')
    .filter((path) => CHECKED_FILES.has(path) || CHECKED_EXTENSIONS.some((ext) => path.endsWith(ext)))
    .filter((path) => existsSync(join(root, path)));
}

export function checkRepository(root: string, skip: ReadonlySet<string>): CitationProblem[] {
  const docs = new Map<string, string | null>();
  const readDoc = (path: string) => {
    if (!docs.has(path)) {
      const full = join(root, path);
      docs.set(path, existsSync(full) ? readFileSync(full, 'utf8') : null);
    }
    return docs.get(path) ?? null;
  };
  return filesToCheck(root, skip).flatMap((file) => checkText(file, readFileSync(join(root, file), 'utf8'), readDoc));
}
