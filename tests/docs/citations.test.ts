import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRepository, checkText, headingNumbers } from './check-citations';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** These two name the outside notes on purpose. */
const SELF = new Set(['tests/docs/check-citations.ts', 'tests/docs/citations.test.ts']);

const DEVICE_DOC = '# ID card\n\n## 3. Frame format\n\n## 7. Payloads\n\n### 7.4 SAM ID\n';
const readDoc = (path: string) => (path === 'docs/devices/id-card.md' ? DEVICE_DOC : null);

describe('citation checker', () => {
  it('reads numbered headings, with or without a trailing dot', () => {
    expect([...headingNumbers(DEVICE_DOC)]).toEqual(['3', '7', '7.4']);
  });

  it('accepts a docs/ path and sections that exist, also across a comment line break', () => {
    const text = '// frames: docs/devices/id-card.md §3\n/* SAM ID (docs/devices/id-card.md\n * §7.4), and §3/§7 */';
    expect(checkText('drivers/x.ts', text, readDoc)).toEqual([]);
    expect(checkText('drivers/x.ts', 'see docs/devices/id-card.md §3/§7.4 and §7', readDoc)).toEqual([]);
  });

  it('rejects a section the document does not have, and a docs/ file that does not exist', () => {
    expect(checkText('a.ts', '// docs/devices/id-card.md §7.5', readDoc).map((p) => p.problem)).toEqual([
      'docs/devices/id-card.md has no section 7.5',
    ]);
    expect(checkText('a.ts', '// docs/devices/id-card.md §3/§9', readDoc).map((p) => p.problem)).toEqual([
      'docs/devices/id-card.md has no section 9',
    ]);
    expect(checkText('a.ts', '// docs/printer.md §2', readDoc).map((p) => p.problem)).toEqual([
      'docs/printer.md does not exist',
    ]);
  });

  it('rejects the research notes that are not in the repository, in every spelling', () => {
    // Two of them are put together from parts, so that this file does not itself read as a
    // citation of a document a clone cannot open.
    const cited = [
      '// hardware-protocols.md §1.4',
      `// (reference/${'feature-anchors'}.md b.2)`,
      '// model-codebases §5.10',
      `// ../${'shared'}/reference/${'operations-anchors'}.md`,
      '// reliability.md §5',
      '// (dependencies.md, Logging)',
      '// domain.md: the next resident',
      '// ../shared/docs/architecture.md',
    ];
    for (const line of cited) expect(checkText('core/x.ts', line, readDoc), line).toHaveLength(1);
  });

  it('lets a docs/ file name itself, and takes our own docs/ paths for what they are', () => {
    expect(checkText('docs/domain.md', '# Domain\nthe domain.md glossary', readDoc)).toEqual([]);
    expect(checkText('a.ts', '// see docs/domain.md', () => '# Domain\n')).toEqual([]);
  });
});

describe('the repository', () => {
  it('cites only docs/ files that exist, and only sections they have', () => {
    const problems = checkRepository(ROOT, SELF).map((p) => `${p.file}:${p.line}: ${p.citation.trim()} — ${p.problem}`);
    expect(problems).toEqual([]);
  });
});
