/**
 * Reads the code examples of a rule doc (`rules-docs/<rule>.md`) and the marks that say what the
 * rule must do with each: ❌ must report, ✅ must stay quiet. The convention is documented in
 * CONTRIBUTING.md; tests/docs.test.ts lints every marked block.
 */

type ExampleMark = 'incorrect' | 'correct';

export interface CodeExample {
  /** Info string of the fence, lower-cased (`ts`, `js`, `py`, …). */
  lang: string;
  code: string;
  /** 1-based line of the opening fence in the markdown file. */
  line: number;
  /** Nearest ❌/✅ mark above the block in the same section, if any. */
  mark: ExampleMark | undefined;
  /** The `##` section the block sits in (`Examples`, `Options`, …); empty before the first one. */
  section: string;
  /** From `<!-- options: [...] -->` or `<!-- options: {...} -->`; an object is the rule's first option. */
  options: unknown[] | undefined;
  /** From `<!-- filename: worker.cjs -->`: lints the block as that file (extension picks the parser). */
  filename: string | undefined;
  /** From `<!-- skip-lint -->`. */
  skip: boolean;
}

const GENERATED_HEADER_END = '<!-- end auto-generated rule header -->';
const INCORRECT = '❌';
const CORRECT = '✅';

const fenceOpen = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/u;
const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u;
const htmlComment = /^ {0,3}<!--\s*(.*?)\s*-->\s*$/u;
// A paragraph marks the blocks below it only when it *starts* with the emoji (optionally bold/italic),
// so prose that merely mentions ❌ or ✅ does not change what a block must do.
const markedParagraph = /^ {0,3}[*_]{0,2}\s*(❌|✅)/u;

/** Languages linted by the docs test, mapped to the file extension they are linted as. */
export const LINTED_LANGUAGES: Readonly<Record<string, string>> = {
  js: 'js',
  javascript: 'js',
  jsx: 'jsx',
  mjs: 'mjs',
  cjs: 'cjs',
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  mts: 'mts',
  cts: 'cts',
};

function markOf(text: string, where: string): ExampleMark | undefined {
  const incorrect = text.includes(INCORRECT);
  const correct = text.includes(CORRECT);
  if (incorrect && correct)
    throw new Error(`${where}: both ${INCORRECT} and ${CORRECT} in one mark, so the blocks below are ambiguous`);
  if (incorrect) return 'incorrect';
  if (correct) return 'correct';
  return undefined;
}

interface Directives {
  options?: unknown[];
  filename?: string;
  skip?: boolean;
  line: number;
}

function parseDirective(body: string, line: number, pending: Directives | undefined): Directives | undefined {
  const match = /^(options|filename|skip-lint)\b\s*:?\s*(.*)$/su.exec(body);
  if (!match) return pending; // an ordinary comment (e.g. the generator's markers)
  const [, name, value = ''] = match;
  const directives: Directives = pending ?? { line };
  if (name === 'skip-lint') {
    directives.skip = true;
  } else if (name === 'filename') {
    if (!/^[\w.-]+\.[cm]?[jt]sx?$/u.test(value))
      throw new Error(`line ${line}: <!-- filename: ${value} --> needs a plain file name with a JS/TS extension`);
    directives.filename = value;
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new Error(`line ${line}: <!-- options: … --> is not JSON: ${(error as Error).message}`, { cause: error });
    }
    if (Array.isArray(parsed)) directives.options = parsed as unknown[];
    else if (parsed !== null && typeof parsed === 'object') directives.options = [parsed];
    else
      throw new Error(
        `line ${line}: <!-- options: … --> must be a JSON object (the first option) or array (all options)`,
      );
  }
  return directives;
}

/**
 * Every fenced code block of `markdown` after the generated header, with its mark and directives.
 * Throws on a malformed convention (unclosed fence, directive not followed by a block, bad JSON), so a
 * typo in a doc fails loudly instead of silently skipping an example.
 */
export function extractCodeExamples(markdown: string): CodeExample[] {
  const lines = markdown.split(/\r?\n/u);
  const headerEnd = lines.findIndex((text) => text.trim() === GENERATED_HEADER_END);
  const examples: CodeExample[] = [];
  let mark: ExampleMark | undefined;
  let section = '';
  let pending: Directives | undefined;

  for (let index = headerEnd + 1; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const lineNumber = index + 1;
    const fence = fenceOpen.exec(text);
    if (fence) {
      const [, marker = '```', info = ''] = fence;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`, 'u');
      const end = lines.findIndex((candidate, candidateIndex) => candidateIndex > index && closing.test(candidate));
      if (end === -1) throw new Error(`line ${lineNumber}: code block is never closed`);
      examples.push({
        lang: info.toLowerCase(),
        code: lines.slice(index + 1, end).join('\n') + '\n',
        line: lineNumber,
        mark,
        section,
        options: pending?.options,
        filename: pending?.filename,
        skip: pending?.skip ?? false,
      });
      pending = undefined;
      index = end;
      continue;
    }
    if (text.trim() === '') continue;

    const comment = htmlComment.exec(text);
    if (comment) {
      pending = parseDirective(comment[1] ?? '', lineNumber, pending);
      continue;
    }
    if (pending)
      throw new Error(
        `line ${pending.line}: a <!-- options/filename/skip-lint --> comment must come right before a code block`,
      );

    const headingMatch = heading.exec(text);
    if (headingMatch) {
      const [, hashes = '', title = ''] = headingMatch;
      // Any heading starts a new stretch: it carries its own mark or none.
      mark = markOf(title, `line ${lineNumber}`);
      if (hashes.length === 2) section = title;
      continue;
    }
    if (markedParagraph.test(text)) mark = markOf(text, `line ${lineNumber}`);
  }
  if (pending)
    throw new Error(
      `line ${pending.line}: a <!-- options/filename/skip-lint --> comment must come right before a code block`,
    );
  return examples;
}

/** Titles of the `## ` sections, outside code blocks. */
export function sectionTitles(markdown: string): string[] {
  return [...withoutCodeBlocks(markdown).matchAll(/^## +(.+?)\s*$/gmu)].map((match) => match[1] ?? '');
}

/** Text of the `## <title>` section up to the next `## ` heading, code blocks included. */
export function sectionText(markdown: string, title: string): string {
  const lines = markdown.split(/\r?\n/u);
  const start = lines.findIndex((text) => text.trim() === `## ${title}`);
  if (start === -1) return '';
  const end = lines.findIndex((text, index) => index > start && /^## /u.test(text));
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[`~]*\s*$/gmu, '');
}
