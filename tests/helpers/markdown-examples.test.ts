import { describe, expect, it } from 'vitest';

import { extractCodeExamples, sectionText, sectionTitles } from './markdown-examples.js';

const doc = `# Disallow things (\`event-loop/no-things\`)

💼 This rule is enabled in the following configs: ✅ \`recommended\`.

<!-- end auto-generated rule header -->

Intro paragraph.

## Examples

### ❌ Incorrect

\`\`\`ts
bad();
\`\`\`

Also wrong, with a paragraph in between:

\`\`\`js
alsoBad();
\`\`\`

✅ Correct

<!-- options: {"checkAllFunctions": true} -->
\`\`\`ts
await good();
\`\`\`

### Notes

\`\`\`ts
unmarked();
\`\`\`

**❌ Incorrect** with an option list:

<!-- options: [{"a": 1}, "b"] -->
<!-- filename: worker.cjs -->
\`\`\`js
require('x');
\`\`\`

<!-- skip-lint -->
\`\`\`\`ts
\`\`\`js
nested fence
\`\`\`
\`\`\`\`

## Options

Prose that mentions ✅ in passing does not mark anything.

\`\`\`json
{ "x": 1 }
\`\`\`

## Python asyncio equivalent

\`\`\`py
## not a heading
\`\`\`
`;

describe('extractCodeExamples', () => {
  const examples = extractCodeExamples(doc);

  it('finds every block after the generated header, with its language and line', () => {
    expect(examples.map(({ lang, line }) => [lang, line])).toEqual([
      ['ts', 13],
      ['js', 19],
      ['ts', 26],
      ['ts', 32],
      ['js', 40],
      ['ts', 45],
      ['json', 55],
      ['py', 61],
    ]);
  });

  it('marks blocks by the nearest ❌/✅ heading or leading-emoji paragraph in the same stretch', () => {
    expect(examples.map((example) => example.mark)).toEqual([
      'incorrect',
      'incorrect',
      'correct',
      undefined,
      'incorrect',
      'incorrect',
      undefined,
      undefined,
    ]);
  });

  it('reads options, filename and skip-lint directives', () => {
    expect(examples[2]).toMatchObject({ options: [{ checkAllFunctions: true }], skip: false, code: 'await good();\n' });
    expect(examples[4]).toMatchObject({ options: [{ a: 1 }, 'b'], filename: 'worker.cjs' });
    expect(examples[5]).toMatchObject({ skip: true, code: '```js\nnested fence\n```\n' });
    expect(examples[0]).toMatchObject({ options: undefined, filename: undefined, skip: false });
  });

  it('records the ## section of each block', () => {
    expect(examples.map((example) => example.section)).toEqual([
      'Examples',
      'Examples',
      'Examples',
      'Examples',
      'Examples',
      'Examples',
      'Options',
      'Python asyncio equivalent',
    ]);
  });

  it.each([
    ['an unclosed fence', '```ts\nx();\n', /never closed/u],
    ['a directive followed by prose', '<!-- options: {} -->\nprose\n```ts\nx();\n```\n', /right before a code block/u],
    ['a trailing directive', 'text\n<!-- skip-lint -->\n', /right before a code block/u],
    ['options that are not JSON', '<!-- options: {checkAll: true} -->\n```ts\nx();\n```\n', /not JSON/u],
    ['options that are a scalar', '<!-- options: true -->\n```ts\nx();\n```\n', /JSON object/u],
    ['a bad filename', '<!-- filename: ../x.py -->\n```ts\nx();\n```\n', /plain file name/u],
    ['both marks at once', '### ❌ Incorrect / ✅ Correct\n\n```ts\nx();\n```\n', /ambiguous/u],
  ])('rejects %s', (_name, markdown, message) => {
    expect(() => extractCodeExamples(markdown)).toThrow(message);
  });
});

describe('sectionTitles and sectionText', () => {
  it('lists ## sections outside code blocks', () => {
    expect(sectionTitles(doc)).toEqual(['Examples', 'Options', 'Python asyncio equivalent']);
  });

  it('returns the text of one section', () => {
    expect(sectionText(doc, 'Options')).toContain('Prose that mentions');
    expect(sectionText(doc, 'Options')).not.toContain('## not a heading');
    expect(sectionText(doc, 'Missing')).toBe('');
  });
});
