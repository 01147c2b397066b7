// The errors the user reads are said from the catalogue: no error the program explains to its user (an
// ExplainedError or one of its kinds, an AppError, an ArgumentError, the CLI's usage error) is made from a
// string written in the code. The pseudo-locale tests find unwrapped text on the paths they walk; this
// finds it on every path, failures included, by reading the sources (TypeScript's own parser, so that a
// comment or a string that merely mentions one is not taken for it).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The errors whose message is shown to the user, and which argument is the message. */
const SAID = new Map<string, number>([
  ['ExplainedError', 0],
  ['EngineError', 0],
  ['RecoveryPendingError', 0],
  ['LockedError', 0],
  ['SandboxError', 0],
  ['NotAFileError', 0],
  ['ArgumentError', 0],
  ['UsageError', 0],
  ['AppError', 1],
]);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(ROOT, dir, file));
}

/** Each `new X(...)` of a said error whose message is a string or template written in the code. */
function literalMessages(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && SAID.has(node.expression.text)) {
      const message = node.arguments?.[SAID.get(node.expression.text)!];
      if (message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message) || ts.isTemplateExpression(message))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(ROOT, file)}:${line + 1}: new ${node.expression.text}(${message.getText().slice(0, 60)}…)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('errors said to the user', () => {
  it('are all made from the catalogue, in the main process, the CLI and the shared code', () => {
    const files = [...sources('electron'), ...sources('shared'), ...sources('renderer/src')];
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(literalMessages)).toEqual([]);
  });

  it('finds a message written in the code, in a string or a template, and passes one from the catalogue', () => {
    const file = join(ROOT, 'tests', 'fixtures', 'literal-sentences.ts.txt');
    expect(literalMessages(file)).toEqual([
      expect.stringMatching(/:3: new ExplainedError\('--history was given an empty folder name/),
      expect.stringMatching(/:4: new AppError\(`The helper answered \$\{what\}/),
    ]);
  });
});
