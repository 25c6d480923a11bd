/**
 * The meaning checks of the sweeps on one applied fix or suggestion whose output parses: the
 * syntax tree outside the edit is unchanged (fix-checks.js `structureChange`), and the rule run
 * again on the output offers nothing that changes it again where it edited (`reappliedFix`).
 */
import {
  describeStructureChange,
  editsOf,
  keptReports,
  offsetFinder,
  reappliedFix,
  regionDiff,
  structureChange,
} from './fix-checks.js';

/**
 * `linter`: ESLint's `Linter`; `parseConfig(file)`: a flat config that only parses (no rules) for the
 * file, used to get the ASTs; `ruleConfig(ruleId)`: the config that runs that rule alone, as it ran.
 * Returns `check({ file, where, text, output, fix, kind, messageId, ruleId, messages })` (`messages`:
 * the original's messages, to tell a report it already had from the fix again) → findings
 * `{ check: 'structure' | 'reapplied', where, rule, kind, detail, diff }`.
 */
export function createMeaningCheck(linter, { parseConfig, ruleConfig }) {
  let cached = { text: undefined, ast: undefined };
  const astOf = (text, file) => {
    const messages = linter.verify(text, parseConfig(file), { filename: file });
    if (messages.some((m) => m.fatal)) return undefined;
    return linter.getSourceCode().ast;
  };
  return function check({ file, where, text, output, fix, kind, messageId, ruleId, messages = [] }) {
    const findings = [];
    if (cached.text !== text) cached = { text, ast: astOf(text, file) };
    const after = astOf(output, file);
    if (cached.ast && after) {
      const change = structureChange(text, fix, cached.ast, after);
      if (change)
        findings.push({
          check: 'structure',
          where,
          rule: ruleId,
          kind,
          detail: describeStructureChange(change),
          diff: regionDiff(text, output),
        });
    }
    const relinted = linter.verify(output, ruleConfig(ruleId), { filename: file }).filter((m) => m.ruleId === ruleId);
    const again = reappliedFix(
      output,
      relinted,
      {
        outputRanges: editsOf(text, fix).outputRanges,
        kind: kind === 'fix' ? 'fix' : 'suggestion',
        messageId,
        kept: keptReports(
          text,
          fix,
          messages.filter((m) => m.ruleId === ruleId),
        ),
      },
      offsetFinder(output),
    );
    if (again)
      findings.push({
        check: 'reapplied',
        where,
        rule: ruleId,
        kind,
        detail: `applied again it changes the output (${again.message})`,
        diff: regionDiff(output, again.second),
      });
    return findings;
  };
}
