import { describe, expect, it } from 'vitest';

import { appendCatch } from '../../../src/analysis/fixes/promise-handlers.js';
import { applyFixes } from '../harness.js';

const MULTI_LINE_HANDLER = '(error) => {\n  console.error(error);\n  process.exitCode = 1;\n}';

describe('appendCatch with a multi-line handler', () => {
  it.each([
    [
      'at top level, as written',
      'main();',
      'main().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});',
    ],
    [
      'inside a block, at the indentation of the statement',
      'function start() {\n  if (ready) {\n    main();\n  }\n}',
      'function start() {\n  if (ready) {\n    main().catch((error) => {\n      console.error(error);\n      process.exitCode = 1;\n    });\n  }\n}',
    ],
    [
      'with tabs',
      'function start() {\n\tmain();\n}',
      'function start() {\n\tmain().catch((error) => {\n\t  console.error(error);\n\t  process.exitCode = 1;\n\t});\n}',
    ],
  ])('%s', (_title, code, expected) => {
    expect(
      applyFixes({ code }, 'ExpressionStatement > CallExpression', (fixer, context, node) =>
        appendCatch(fixer, context.sourceCode, node, MULTI_LINE_HANDLER),
      ),
    ).toBe(expected);
  });
});
