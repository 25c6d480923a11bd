/**
 * Checks the reliability sweeps (bench/sweep.js, bench/sweep-typed.js) run on every fix and
 * suggestion, beyond "the output parses": the syntax tree outside the edited range must be the same
 * tree (same node types at the same ranges, mapped through the edit), and applying the same fix
 * again must change nothing. Pure functions of texts, fixes and ASTs, so the checker itself is unit
 * tested (tests/bench/fix-checks.test.ts).
 */

/** `text` with one ESLint fix (`{ range: [start, end], text }`) applied. */
export function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const skippedKeys = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

/** Every ESTree node of an AST (any object with a string `type` and a `range`), depth first. */
function* nodesOf(root) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    yield node;
    for (const key of Object.keys(node)) {
      if (skippedKeys.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i];
          if (child && typeof child.type === 'string' && Array.isArray(child.range)) stack.push(child);
        }
      } else if (value && typeof value.type === 'string' && Array.isArray(value.range)) {
        stack.push(value);
      }
    }
  }
}

/**
 * The smallest edits that turn `before` into `after` (ESLint merges a rule's several fixes into one
 * range, with the original text copied in between: an import added at the top and a call changed
 * below become one fix spanning both). Myers' O(ND) diff on characters after trimming the common
 * prefix and suffix, changes not separated by at least one whole unchanged line joined into one
 * edit, and each edit grown to whole lines; past `maxEdits` changed characters, the trimmed range
 * as one edit.
 * Returns `[{ start, end, text }]` in `before`'s offsets, sorted.
 */
export function minimalEdits(before, after, maxEdits = 2000) {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  const whole = [{ start: prefix, end: prefix + a.length, text: b }];
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === 0 || b.length === 0) return wholeLines(before, whole);
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxEdits, n + m);
  const offset = limit + 1;
  let v = new Int32Array(2 * limit + 3);
  const trace = [];
  let found = false;
  for (let d = 0; d <= limit && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return wholeLines(before, whole);
  // Walk back through the trace: which characters of `a` go, what is inserted before each position.
  const deleted = new Uint8Array(n + 1);
  const inserted = new Array(n + 1).fill('');
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    v = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = v[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
    }
    if (d > 0) {
      if (x === previousX) inserted[x] = b[previousY] + inserted[x];
      else deleted[previousX] = 1;
    }
    x = previousX;
    y = previousY;
  }
  const edits = [];
  for (let i = 0; i <= n; i++) {
    if (!inserted[i] && !deleted[i]) continue;
    const start = i;
    let text = '';
    for (;;) {
      text += inserted[i];
      if (i < n && deleted[i]) {
        i++;
        continue;
      }
      break;
    }
    const edit = { start: prefix + start, end: prefix + i, text };
    // Only code on whole unchanged lines is outside the edit: a character diff also matches a stray
    // `a` or `await` between two changes on one line, which says nothing about the code there.
    const previous = edits.at(-1);
    const gap = previous ? before.slice(previous.end, edit.start) : '';
    if (previous && gap.indexOf('\n') === gap.lastIndexOf('\n')) {
      previous.text += gap + edit.text;
      previous.end = edit.end;
    } else edits.push(edit);
  }
  return wholeLines(before, edits);
}

/**
 * The edits grown to whole lines of `before`: a character diff trims a `)` or `;` off the end of a
 * change that the new code reads differently, so every changed line belongs to the edit.
 */
function wholeLines(before, edits) {
  for (const edit of edits) {
    const start = before.lastIndexOf('\n', edit.start - 1) + 1;
    const lineEnd = before.indexOf('\n', edit.end);
    const end = lineEnd === -1 ? before.length : lineEnd;
    edit.text = before.slice(start, edit.start) + edit.text + before.slice(edit.end, end);
    edit.start = start;
    edit.end = end;
  }
  return edits;
}

/**
 * The nodes the edits must leave alone, as `type start-end` keys mapped to the output's offsets by
 * `map`: every node with neither end inside or at the border of an edit (`ranges`, in this AST's
 * offsets). Those nodes keep their type and range, shifted by what the edits before each end added;
 * a node around an edit grows by it (`around: false` leaves those out). Nodes with an end at an
 * edit's border (`void `, `await ` or `;` written right before a statement) or inside it are the
 * edit's own business and not compared.
 */
function keptNodes(ast, text, ranges, map, { around = true } = {}) {
  const kept = new Map();
  const touches = (offset) => ranges.some(([start, end]) => offset >= start && offset <= end);
  for (const node of nodesOf(ast)) {
    if (!around && ranges.some(([start]) => node.range[0] < start && node.range[1] > start)) continue;
    const [from, end] = node.range;
    // A statement's closing `;` may be written by the fix (`;(await …)` after `const o = {}`): compare
    // statements without it, so that only a statement that now ends elsewhere counts.
    let to = end;
    if (text[to - 1] === ';') {
      to--;
      while (to > from && /\s/u.test(text[to - 1])) to--;
    }
    if (touches(from) || touches(to)) continue;
    const key = `${node.type} ${map(from)}-${map(to)}`;
    kept.set(key, (kept.get(key) ?? 0) + 1);
  }
  return kept;
}

function missingFrom(expected, actual) {
  const missing = [];
  for (const [key, count] of expected) if ((actual.get(key) ?? 0) < count) missing.push(key);
  return missing;
}

/**
 * `fix` split into its smallest edits (`minimalEdits`), in the original text's offsets, and each
 * edit's range in the output (`[start, end]`).
 */
export function editsOf(text, fix) {
  const [fixStart, fixEnd] = fix.range;
  const edits = minimalEdits(text.slice(fixStart, fixEnd), fix.text).map((e) => ({
    ...e,
    start: e.start + fixStart,
    end: e.end + fixStart,
  }));
  const outputRanges = [];
  let shift = 0;
  for (const edit of edits) {
    outputRanges.push([edit.start + shift, edit.start + shift + edit.text.length]);
    shift += edit.text.length - (edit.end - edit.start);
  }
  return { edits, outputRanges };
}

/** An offset of the original text outside every edit, in the output (`edits` from `editsOf`). */
export function toOutputOffset(edits, offset) {
  let moved = offset;
  for (const edit of edits) if (edit.end < offset) moved += edit.text.length - (edit.end - edit.start);
  return moved;
}

/**
 * The original's reports (ESLint messages) that start outside every edit, as `messageId offset`
 * keys in the output's offsets, for `reappliedFix`.
 */
export function keptReports(text, fix, messages) {
  const { edits } = editsOf(text, fix);
  const offsetOf = offsetFinder(text);
  const keys = new Set();
  for (const message of messages) {
    const offset = offsetOf(message.line, message.column);
    if (edits.some((edit) => offset >= edit.start && offset <= edit.end)) continue;
    keys.add(`${message.messageId} ${toOutputOffset(edits, offset)}`);
  }
  return keys;
}

/**
 * How the syntax outside the edit differs between `before` (the AST of `text`) and `after` (the AST
 * of `text` with `fix` applied), or `undefined` when it is the same tree there. The fix is first
 * split into its smallest edits, so the unchanged code between two parts of a merged fix counts as
 * outside. The ASI hazard is the typical finding: `const o = {}\nexecSync('ls')` fixed to
 * `const o = {}\n(await …)` turns the declaration into a call of `{}`: the declaration's node no
 * longer exists with its range. Returns `{ lost, gained }`: node keys (`type start-end`) only the
 * original has (in its offsets) and only the output has (in the output's offsets).
 */
export function structureChange(text, fix, before, after) {
  const { edits, outputRanges } = editsOf(text, fix);
  if (edits.length === 0) return undefined;
  const toOutput = (offset) => toOutputOffset(edits, offset);
  const toOriginal = (offset) => {
    let moved = offset;
    for (const [index, [, end]] of outputRanges.entries()) {
      const edit = edits[index];
      if (end < offset) moved -= edit.text.length - (edit.end - edit.start);
    }
    return moved;
  };
  const output = applyFix(text, fix);
  const expected = keptNodes(
    before,
    text,
    edits.map((e) => [e.start, e.end]),
    toOutput,
  );
  const actual = keptNodes(after, output, outputRanges, (offset) => offset);
  const lost = missingFrom(expected, actual);
  // A new node around an edit is news only if an old one went (a fix may join two statements it
  // rewrites into one); a new node wholly outside the edits always is.
  const gained = missingFrom(
    keptNodes(after, output, outputRanges, (offset) => offset, { around: false }),
    expected,
  );
  if (lost.length === 0 && gained.length === 0) return undefined;
  const inOriginal = (key) => {
    const [type, range] = key.split(' ');
    const [from, to] = range.split('-').map(Number);
    return `${type} ${toOriginal(from)}-${toOriginal(to)}`;
  };
  return { lost: lost.map(inOriginal), gained };
}

/** One line for a report: what the fix broke outside its range. */
export function describeStructureChange(change, limit = 4) {
  const list = (keys) =>
    keys.slice(0, limit).join(', ') + (keys.length > limit ? `, … ${keys.length - limit} more` : '');
  const parts = [];
  if (change.lost.length) parts.push(`gone outside the edit: ${list(change.lost)}`);
  if (change.gained.length) parts.push(`new outside the edit: ${list(change.gained)}`);
  return parts.join('; ');
}

/**
 * "Applying the same fix twice is a no-op": `relinted` are the messages of the same rule on the
 * fixed text `output`; any of them that touches one of the edits (`outputRanges`, from `editsOf`)
 * and offers the same kind of fix (the autofix, or a suggestion with the same messageId) must not
 * change `output` when applied. `kept`: `messageId offset` of the original's reports outside the
 * edits, mapped to the output (`keptReports`), which are not the fix again. Returns
 * `{ second, message }` when one does, else `undefined`.
 */
export function reappliedFix(output, relinted, { outputRanges, kind, messageId, kept = new Set() }, offsetOf) {
  for (const message of relinted) {
    const from = offsetOf(message.line, message.column);
    const to = message.endLine ? offsetOf(message.endLine, message.endColumn) : from;
    if (!outputRanges.some(([start, end]) => from <= end && to >= start)) continue;
    // A report the original had at the same place (an enclosing `void p.then(…)`) is not this fix again.
    if (kept.has(`${message.messageId} ${from}`)) continue;
    const again =
      kind === 'fix' ? message.fix : message.suggestions?.find((s) => messageId && s.messageId === messageId)?.fix;
    if (!again) continue;
    const second = applyFix(output, again);
    if (second !== output) return { second, message: message.message };
  }
  return undefined;
}

/** 1-based line and column (ESLint's) to an offset into `text`. */
export function offsetFinder(text) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (line, column) => (lineStarts[line - 1] ?? text.length) + column - 1;
}

/** The changed lines of `after` against `before`, with a line of context, as a small unified diff. */
export function regionDiff(before, after, maxLines = 24) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const lineStart = (text, index) => text.lastIndexOf('\n', index - 1) + 1;
  const lineEnd = (text, index) => {
    const end = text.indexOf('\n', index);
    return end === -1 ? text.length : end;
  };
  const from = lineStart(before, lineStart(before, start) - 1);
  const firstLine = before.slice(0, from).split('\n').length;
  const oldLines = before.slice(from, lineEnd(before, lineEnd(before, endBefore) + 1)).split('\n');
  const newLines = after.slice(from, lineEnd(after, lineEnd(after, endAfter) + 1)).split('\n');
  const clip = (lines, sign) => {
    const shown = lines.slice(0, maxLines).map((l) => `${sign}${l.length > 200 ? `${l.slice(0, 200)}…` : l}`);
    if (lines.length > maxLines) shown.push(`${sign}… ${lines.length - maxLines} more lines`);
    return shown;
  };
  return [`@@ line ${firstLine} @@`, ...clip(oldLines, '-'), ...clip(newLines, '+')].join('\n');
}
