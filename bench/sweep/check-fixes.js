/**
 * What both sweeps (bench/sweep.js without types, bench/sweep-typed.js with them) do with one linted file's
 * reports, and how they print and judge what they found: every autofix alone and every suggestion alone is
 * applied, its output must parse and keep its meaning (meaning.js); every rule that fixed something runs
 * ESLint's fix loop twice; findings are listed, then turned into the reasons the sweep fails.
 */
import { applyFix, regionDiff } from './fix-checks.js';

/**
 * @typedef {import('eslint').Linter} Linter
 * @typedef {import('eslint').Linter.Config[]} Config
 * @typedef {import('eslint').Linter.LintMessage} LintMessage
 * @typedef {{ range: [number, number], text: string }} Fix
 * @typedef {{ file: string, rule: string, stack: string }} Crash
 * @typedef {{ where: string, rule: string, kind: string, error: string, diff: string }} Unparseable
 * @typedef {{ where: string, rule: string, diff: string }} NonIdempotent
 * @typedef {{ check?: 'structure' | 'reapplied', where: string, rule: string, kind: string, detail: string, diff: string }} MeaningFinding
 * @typedef {{
 *   reportsPerRule: Record<string, number>, fixes: number, suggestions: number, fixLoops: number,
 *   crashes: Crash[], unparseable: Unparseable[], nonIdempotent: NonIdempotent[],
 *   structureChanges: MeaningFinding[], reapplied: MeaningFinding[],
 * }} FindingStats what both sweeps count and collect about fixes
 * @typedef {(input: {
 *   file: string, where: string, text: string, output: string, fix: Fix, kind: string,
 *   messageId: string | undefined, ruleId: string, messages: LintMessage[],
 * }) => MeaningFinding[]} MeaningCheck
 * @typedef {{
 *   linter: Linter, stats: FindingStats, display: (file: string) => string,
 *   ruleConfig: (ruleId: string) => Config, recordCrash: (file: string, ruleId: string, error: unknown) => void,
 * }} SweepContext
 */

/** @param {LintMessage[]} messages */
export const fatalOf = (messages) => messages.find((m) => m.fatal);

/**
 * Applies every autofix and every suggestion of `messages` (the reports on `text`) alone; an output that does
 * not parse is recorded, one that parses goes through the meaning check. Returns the rules that autofixed
 * something (for the fix loops) and whether any output was linted (the typed sweep then restores the file).
 * @param {SweepContext & {
 *   file: string, text: string, messages: LintMessage[],
 *   parseError: (output: string) => string | undefined, meaningCheck: () => MeaningCheck,
 * }} options
 * @returns {{ fixedRules: Set<string>, touched: boolean }}
 */
export function checkReportedFixes({ stats, display, recordCrash, file, text, messages, parseError, meaningCheck }) {
  /** @type {Set<string>} */
  const fixedRules = new Set();
  let touched = false;
  for (const message of messages) {
    if (!message.ruleId || !(message.ruleId in stats.reportsPerRule)) continue;
    const ruleId = message.ruleId;
    stats.reportsPerRule[ruleId] = (stats.reportsPerRule[ruleId] ?? 0) + 1;
    const where = `${display(file)}:${message.line}:${message.column}`;
    /** @type {{ kind: string, fix: Fix, messageId: string | undefined }[]} */
    const candidates = [];
    if (message.fix) {
      candidates.push({ kind: 'fix', fix: message.fix, messageId: message.messageId });
      fixedRules.add(ruleId);
    }
    for (const [index, suggestion] of (message.suggestions ?? []).entries())
      candidates.push({
        kind: `suggestion ${index + 1} (${suggestion.messageId ?? suggestion.desc})`,
        fix: suggestion.fix,
        messageId: suggestion.messageId,
      });
    for (const { kind, fix, messageId } of candidates) {
      if (kind === 'fix') stats.fixes++;
      else stats.suggestions++;
      const output = applyFix(text, fix);
      const error = parseError(output);
      if (error) {
        stats.unparseable.push({ where, rule: ruleId, kind, error, diff: regionDiff(text, output) });
        continue;
      }
      touched = true;
      try {
        const findings = meaningCheck()({ file, where, text, output, fix, kind, messageId, ruleId, messages });
        for (const finding of findings)
          (finding.check === 'structure' ? stats.structureChanges : stats.reapplied).push(finding);
      } catch (error) {
        recordCrash(file, ruleId, error);
      }
    }
  }
  return { fixedRules, touched };
}

/**
 * ESLint's fix loop with each rule of `ruleIds` alone: its output must parse, and a second loop on it must
 * change nothing more.
 * @param {SweepContext & { file: string, text: string, ruleIds: Iterable<string> }} options
 */
export function checkFixLoops({ linter, stats, display, ruleConfig, recordCrash, file, text, ruleIds }) {
  for (const ruleId of ruleIds) {
    stats.fixLoops++;
    try {
      const config = ruleConfig(ruleId);
      const first = linter.verifyAndFix(text, config, { filename: file });
      const fatal = fatalOf(first.messages);
      if (fatal) {
        stats.unparseable.push({
          where: display(file),
          rule: ruleId,
          kind: 'fix loop',
          error: `${fatal.line}:${fatal.column} ${fatal.message}`,
          diff: regionDiff(text, first.output),
        });
        continue;
      }
      const second = linter.verifyAndFix(first.output, config, { filename: file });
      if (second.fixed)
        stats.nonIdempotent.push({ where: display(file), rule: ruleId, diff: regionDiff(first.output, second.output) });
    } catch (error) {
      recordCrash(file, ruleId, error);
    }
  }
}

/** @param {string} diff */
const indented = (diff) => diff.split('\n').join('\n    ');

/**
 * Prints the fix counts, then every crash and finding with its diff.
 * @param {FindingStats} stats
 */
export function printFindings(stats) {
  console.log(
    `fixes applied: ${stats.fixes}, suggestions applied: ${stats.suggestions}, fix loops run twice: ${stats.fixLoops}`,
  );
  console.log(`crashes: ${stats.crashes.length}`);
  for (const crash of stats.crashes)
    console.log(`  ${crash.file} [${crash.rule}]\n    ${crash.stack.split('\n').slice(0, 12).join('\n    ')}`);
  console.log(`unparseable outputs: ${stats.unparseable.length}`);
  for (const u of stats.unparseable)
    console.log(`  ${u.where} [${u.rule}] ${u.kind}: ${u.error}\n    ${indented(u.diff)}`);
  console.log(`non-idempotent fixes: ${stats.nonIdempotent.length}`);
  for (const n of stats.nonIdempotent)
    console.log(`  ${n.where} [${n.rule}] the second fix pass changed:\n    ${indented(n.diff)}`);
  console.log(`structure changes outside the edit: ${stats.structureChanges.length}`);
  for (const f of stats.structureChanges)
    console.log(`  ${f.where} [${f.rule}] ${f.kind}: ${f.detail}\n    ${indented(f.diff)}`);
  console.log(`fixes that apply again: ${stats.reapplied.length}`);
  for (const f of stats.reapplied)
    console.log(`  ${f.where} [${f.rule}] ${f.kind}: ${f.detail}\n    ${indented(f.diff)}`);
}

/**
 * Why the sweep fails on what `printFindings` lists (empty: it passes on these).
 * @param {FindingStats} stats
 * @returns {string[]}
 */
export function findingFailures(stats) {
  const failures = [];
  if (stats.crashes.length) failures.push(`${stats.crashes.length} crash(es)`);
  if (stats.unparseable.length) failures.push(`${stats.unparseable.length} unparseable output(s)`);
  if (stats.nonIdempotent.length) failures.push(`${stats.nonIdempotent.length} non-idempotent fix(es)`);
  if (stats.structureChanges.length)
    failures.push(`${stats.structureChanges.length} structure change(s) outside the edit`);
  if (stats.reapplied.length) failures.push(`${stats.reapplied.length} fix(es) that apply again`);
  return failures;
}
