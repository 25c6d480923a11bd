/** What `npm run demo` shows: the ESLint CLI on examples/ with its own config reports exactly the `expect:` lines. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  checkExamples,
  compareFindings,
  EXAMPLE_FILE,
  examplesDir,
  formatMismatch,
  linkPluginIntoExamples,
  listFiles,
  readExpectations,
} from '../../scripts/check-examples.js';
import { repoRoot } from '../helpers/lint-example.js';

describe('examples/ in this repository', () => {
  it('reports exactly the lines marked with expect: comments', { timeout: 90_000 }, () => {
    expect(fs.existsSync(path.join(repoRoot, 'dist/index.js')), 'dist/ is missing: run `npm run build`').toBe(true);
    linkPluginIntoExamples();
    const result = checkExamples({ cwd: examplesDir });
    expect(result.lintedFiles.sort()).toEqual(listFiles(examplesDir).filter((file) => EXAMPLE_FILE.test(file)));
    expect(formatMismatch(result), 'findings differ from the expect: comments').toBe('');
  });
});

describe('the expect: comment checker', () => {
  it('reads expect: comments with and without the plugin prefix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-expect-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'a.js'),
        'ok();\nbad(); // expect: no-floating-promise, event-loop/prefer-promise-all\n',
      );
      expect(readExpectations(dir, ['a.js'])).toEqual([
        { file: 'a.js', line: 2, ruleId: 'event-loop/no-floating-promise' },
        { file: 'a.js', line: 2, ruleId: 'event-loop/prefer-promise-all' },
      ]);
      fs.writeFileSync(path.join(dir, 'b.js'), 'bad(); // expect:\n');
      expect(() => readExpectations(dir, ['b.js'])).toThrow(/names no rule/u);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells missing reports from unexpected ones', () => {
    const expected = [
      { file: 'a.js', line: 2, ruleId: 'event-loop/no-floating-promise' },
      { file: 'a.js', line: 3, ruleId: 'event-loop/no-floating-promise' },
    ];
    const actual = [
      { file: 'a.js', line: 2, ruleId: 'event-loop/no-floating-promise' },
      { file: 'a.js', line: 4, ruleId: 'event-loop/no-floating-promise' },
      { file: 'b.ts', line: 1, ruleId: 'fatal: Parsing error: Unexpected token' },
    ];
    const mismatch = compareFindings(expected, actual);
    expect(mismatch).toEqual({ missing: [expected[1]], unexpected: [actual[1], actual[2]] });
    expect(formatMismatch(mismatch).split('\n')).toEqual([
      expect.stringMatching(/^missing: +a\.js:3 +event-loop\/no-floating-promise/u),
      expect.stringMatching(/^unexpected: a\.js:4 +event-loop\/no-floating-promise/u),
      expect.stringMatching(/^unexpected: b\.ts:1 +fatal: Parsing error/u),
    ]);
    expect(formatMismatch(compareFindings(expected, expected))).toBe('');
  });
});
