/**
 * Aggregating: medians per corpus × configuration, the overlap between the typed anchors' promise
 * reports (E) and our no-floating-promise (B, C), the targets as ratios, and the problems a reader
 * must see (stale or unread triage verdicts, parse failures, unstable counts, failed workers).
 */
import { anchorRules, pluginNamespace } from './configs.js';
import { percent, times } from './format.js';
import { verdicts } from './triage.js';

/**
 * @typedef {import('./measure.js').Corpus} Corpus
 * @typedef {import('./measure.js').Report} Report
 * @typedef {import('./measure.js').Fatal} Fatal
 * @typedef {import('./measure.js').Samples} Samples
 * @typedef {import('./measure.js').PreparedCorpus} PreparedCorpus
 * @typedef {import('./measure.js').Failure} Failure
 * @typedef {import('./triage.js').Verdict} Verdict
 * @typedef {{
 *   runs: number, files: number, wallMs: number, parseMs: number, rulesMs: number, rssKb: number, heapKb: number,
 *   wallRange: [number, number], rssRange: [number, number], ruleTimes: Record<string, number>,
 *   reportsPerRule: Record<string, number>, reports: Report[], fatal: Fatal[], stable: boolean,
 * }} Summary medians of one corpus × configuration
 * @typedef {Record<string, Record<string, Summary | undefined>>} Table table[corpus][config]
 * @typedef {{ total: number, found: number, trueTotal: number, trueFound: number }} RuleOverlap
 * @typedef {{ byRule: Record<string, RuleOverlap>, missed: Report[], extra: Report[], ours: number }} Overlap
 * @typedef {{ name: string, cells: string[], all: string, limit: string, ok: boolean | undefined }} Target
 */

/** @param {number[]} numbers */
export function median(numbers) {
  if (numbers.length === 0) return undefined;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const at = (/** @type {number} */ index) => /** @type {number} */ (sorted[index]);
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/**
 * Medians of one corpus × configuration, or undefined if every run failed.
 * @param {import('./measure.js').Sample[] | undefined} list
 * @returns {Summary | undefined}
 */
function summary(list) {
  const first = list?.[0];
  if (!list || !first) return undefined;
  const ruleIds = new Set(list.flatMap((r) => Object.keys(r.ruleTimes)));
  const medianOf = (/** @type {(r: import('./measure.js').Sample) => number} */ pick) =>
    /** @type {number} */ (median(list.map(pick)));
  return {
    runs: list.length,
    files: first.files,
    wallMs: medianOf((r) => r.wallMs),
    parseMs: medianOf((r) => r.parseMs),
    rulesMs: medianOf((r) => r.rulesMs),
    rssKb: medianOf((r) => r.maxRssKb),
    heapKb: medianOf((r) => r.retainedHeapKb ?? 0),
    // Spread between runs, to judge the noise in the medians.
    wallRange: [Math.min(...list.map((r) => r.wallMs)), Math.max(...list.map((r) => r.wallMs))],
    rssRange: [Math.min(...list.map((r) => r.maxRssKb)), Math.max(...list.map((r) => r.maxRssKb))],
    ruleTimes: Object.fromEntries([...ruleIds].map((id) => [id, medianOf((r) => r.ruleTimes[id] ?? 0)])),
    reportsPerRule: first.reportsPerRule,
    reports: first.reports,
    fatal: first.fatal,
    // Reports are deterministic; a run that disagrees points at state kept between files or runs.
    stable: list.every((r) => JSON.stringify(r.reportsPerRule) === JSON.stringify(first.reportsPerRule)),
  };
}

/**
 * The sum over the corpora of `pick` for one configuration, or undefined if a corpus failed.
 * @param {Table} table
 * @param {Corpus[]} corpora
 * @param {string} config
 * @param {(summary: Summary) => number} pick
 */
export function sumOver(table, corpora, config, pick) {
  let total = 0;
  for (const corpus of corpora) {
    const s = table[corpus.name]?.[config];
    if (!s) return undefined;
    total += pick(s);
  }
  return total;
}

/** @param {{ file: string, line: number }} report */
const locationKey = (report) => `${report.file}:${report.line}`;

/**
 * @param {number | undefined} b
 * @param {number | undefined} a
 */
function relativeIncrease(b, a) {
  return a === undefined || b === undefined || a === 0 ? undefined : (b - a) / a;
}

/**
 * @param {{
 *   samples: Samples, failures: Failure[], prepared: Map<string, PreparedCorpus>,
 *   corpora: Corpus[], configs: string[], plugin: import('./configs.js').Plugin,
 *   ours: string[],
 * }} input
 */
export function aggregate({ samples, failures, prepared, corpora, configs, plugin, ours }) {
  const namespace = pluginNamespace(plugin);
  const ourFloating = `${namespace}/no-floating-promise`;
  const typedAnchors = Object.keys(anchorRules.E);

  /** @type {Table} */
  const table = {};
  for (const corpus of corpora) {
    const row = (table[corpus.name] = /** @type {Record<string, Summary | undefined>} */ ({}));
    for (const config of configs) row[config] = summary(samples[corpus.name]?.[config]);
  }
  /** @param {string} config @param {(summary: Summary) => number} pick */
  const sum = (config, pick) => sumOver(table, corpora, config, pick);

  /** Hand-read verdicts (triage.js) that apply to the installed corpus versions, by corpus and location. */
  /** @type {Map<string, Verdict>} */
  const triage = new Map();
  const staleVerdicts = [];
  for (const verdict of verdicts) {
    const info = prepared.get(verdict.corpus);
    if (!info) continue;
    if (verdict.version !== info.version) {
      staleVerdicts.push(
        `- triage.js: ${verdict.corpus} ${verdict.version} \`${verdict.file}:${verdict.line}\` was read on another version (installed: ${info.version}); read the reports again`,
      );
      continue;
    }
    triage.set(`${verdict.corpus}:${locationKey(verdict)}`, verdict);
  }
  /** @param {string} corpusName @param {Report} report */
  const isFalsePositive = (corpusName, report) =>
    report.ruleId === '@typescript-eslint/no-floating-promises' &&
    triage.get(`${corpusName}:${locationKey(report)}`)?.verdict === 'false positive';

  /**
   * Overlap of E's promise reports with our no-floating-promise in B or C, for one corpus.
   * @param {string} corpusName
   * @param {string} ourConfig
   * @returns {Overlap | undefined}
   */
  function overlap(corpusName, ourConfig) {
    const anchors = table[corpusName]?.E;
    const mine = table[corpusName]?.[ourConfig];
    if (!anchors || !mine) return undefined;
    const ourReports = mine.reports.filter((r) => r.ruleId === ourFloating);
    const ourLocations = new Set(ourReports.map(locationKey));
    const anchorReports = anchors.reports.filter((r) => typedAnchors.includes(r.ruleId));
    const anchorLocations = new Set(anchorReports.map(locationKey));
    /** @type {Record<string, RuleOverlap>} */
    const byRule = {};
    for (const id of typedAnchors) {
      const list = anchorReports.filter((r) => r.ruleId === id);
      const genuine = list.filter((r) => !isFalsePositive(corpusName, r));
      byRule[id] = {
        total: list.length,
        found: list.filter((r) => ourLocations.has(locationKey(r))).length,
        // Reports read by hand (triage.js) as false positives are left out of the recall target.
        trueTotal: genuine.length,
        trueFound: genuine.filter((r) => ourLocations.has(locationKey(r))).length,
      };
    }
    return {
      byRule,
      missed: anchorReports.filter((r) => !ourLocations.has(locationKey(r))),
      extra: ourReports.filter((r) => !anchorLocations.has(locationKey(r))),
      ours: ourReports.length,
    };
  }

  /** @type {Record<string, { B: Overlap | undefined, C: Overlap | undefined }>} */
  const overlaps = {};
  for (const corpus of corpora) overlaps[corpus.name] = { B: overlap(corpus.name, 'B'), C: overlap(corpus.name, 'C') };

  /** @type {Target[]} */
  const targets = [];
  {
    /** @param {(summary: Summary | undefined) => number | undefined} pick */
    const perCorpus = (pick) => corpora.map((c) => relativeIncrease(pick(table[c.name]?.B), pick(table[c.name]?.A)));
    const wall = perCorpus((s) => s?.wallMs);
    const wallAll = relativeIncrease(
      sum('B', (s) => s.wallMs),
      sum('A', (s) => s.wallMs),
    );
    targets.push({
      name: '(B − A) / A wall time',
      cells: wall.map(percent),
      all: percent(wallAll),
      limit: '≤ +10 %',
      ok: wallAll === undefined ? undefined : wallAll <= 0.1,
    });
    // Untyped cost as ESLint's own phases see it: steadier under load than wall time, which the machine's other work moves.
    /** @param {Summary | undefined} s */
    const ourRuleMs = (s) => (s ? ours.reduce((total, id) => total + (s.ruleTimes[id] ?? 0), 0) : undefined);
    /** Our rule time / parse time in `config`, per corpus, over all corpora, and the worst corpus. */
    const ruleShare = (/** @type {string} */ config) => {
      const cells = corpora.map((c) => {
        const s = table[c.name]?.[config];
        const rules = ourRuleMs(s);
        return s && rules !== undefined && s.parseMs > 0 && ours.length ? rules / s.parseMs : undefined;
      });
      const parseAll = sum(config, (s) => s.parseMs);
      const rulesAll = sum(config, (s) => ourRuleMs(s) ?? 0);
      const all = ours.length && parseAll && rulesAll !== undefined ? rulesAll / parseAll : undefined;
      const worst = cells.some((r) => r === undefined) ? undefined : Math.max(.../** @type {number[]} */ (cells));
      return { cells, all, worst };
    };
    const untyped = ruleShare('B');
    targets.push({
      name: 'our rule time without types (B) / parse time (B), medians of runs',
      cells: untyped.cells.map(percent),
      all: `${percent(untyped.all)} (worst corpus ${percent(untyped.worst)})`,
      limit: '≤ 5 %, worst corpus ≤ 8 %',
      ok:
        untyped.all === undefined || untyped.worst === undefined
          ? undefined
          : untyped.all <= 0.05 && untyped.worst <= 0.08,
    });
    if (configs.includes('B0')) {
      // Shown beside B, not judged: the difference is what the knowledge of other files costs.
      const local = ruleShare('B0');
      targets.push({
        name: 'the same with cross-file analysis off (B0: `crossFile: false`) / parse time (B0), shown beside B',
        cells: local.cells.map(percent),
        all: `${percent(local.all)} (worst corpus ${percent(local.worst)})`,
        limit: '—',
        ok: undefined,
      });
    }
    const heap = perCorpus((s) => s?.heapKb || undefined);
    const heapWorst = heap.some((r) => r === undefined) ? undefined : Math.max(.../** @type {number[]} */ (heap));
    targets.push({
      name: '(B − A) / A heap retained after the last batch of 100 files, GCs repeated until it stops shrinking',
      cells: heap.map(percent),
      all: `${percent(heapWorst)} (worst)`,
      limit: '≤ +5 %',
      ok: heapWorst === undefined ? undefined : heapWorst <= 0.05,
    });
    if (configs.includes('B0')) {
      // Shown beside B, not judged: what the rules retain without the summaries of other files (compiled code,
      // ESLint's validators of their options, per-process catalogues), and so what those summaries add.
      const heapLocal = corpora.map((c) =>
        relativeIncrease(table[c.name]?.B0?.heapKb || undefined, table[c.name]?.A?.heapKb || undefined),
      );
      const localWorst = heapLocal.some((r) => r === undefined)
        ? undefined
        : Math.max(.../** @type {number[]} */ (heapLocal));
      targets.push({
        name: 'the same with cross-file analysis off ((B0 − A) / A), shown beside B',
        cells: heapLocal.map(percent),
        all: `${percent(localWorst)} (worst)`,
        limit: '—',
        ok: undefined,
      });
    }
    const rss = perCorpus((s) => s?.rssKb);
    const rssWorst = rss.some((r) => r === undefined) ? undefined : Math.max(.../** @type {number[]} */ (rss));
    targets.push({
      name: '(B − A) / A peak RSS (shown; memory is judged on the retained heap)',
      cells: rss.map(percent),
      all: `${percent(rssWorst)} (worst)`,
      limit: '—',
      ok: undefined,
    });
    /** @param {Summary | undefined} s */
    const ourTyped = (s) => (s ? ours.reduce((total, id) => total + (s.ruleTimes[id] ?? 0), 0) : undefined);
    /** @param {Summary | undefined} s */
    const anchorTyped = (s) => (s ? typedAnchors.reduce((total, id) => total + (s.ruleTimes[id] ?? 0), 0) : undefined);
    /** @param {number | undefined} a @param {number | undefined} b */
    const ratio = (a, b) => (a === undefined || !b || ours.length === 0 ? undefined : a / b);
    const ruleRatio = corpora.map((c) => ratio(ourTyped(table[c.name]?.C), anchorTyped(table[c.name]?.E)));
    const ruleAll = ratio(
      sum('C', (s) => /** @type {number} */ (ourTyped(s))),
      sum('E', (s) => /** @type {number} */ (anchorTyped(s))),
    );
    targets.push({
      name: 'our rule time with types (C) / anchors’ rule time with types (E)',
      cells: ruleRatio.map(times),
      all: times(ruleAll),
      limit: '≤ 0.50×',
      ok: ruleAll === undefined ? undefined : ruleAll <= 0.5,
    });
    /** @param {Overlap | undefined} o */
    const recallCell = (o) => {
      const r = o?.byRule['@typescript-eslint/no-floating-promises'];
      if (!r || r.trueTotal === 0 || !plugin.rules['no-floating-promise']) return 'n/a';
      return `${((r.trueFound / r.trueTotal) * 100).toFixed(0)} % (${r.trueFound}/${r.trueTotal})`;
    };
    let found = 0;
    let total = 0;
    for (const c of corpora) {
      const r = overlaps[c.name]?.B?.byRule['@typescript-eslint/no-floating-promises'];
      if (r) {
        found += r.trueFound;
        total += r.trueTotal;
      }
    }
    const recallAll = total && plugin.rules['no-floating-promise'] ? found / total : undefined;
    targets.push({
      name: 'no-floating-promise (B) finds the true no-floating-promises (E) reports (false positives read by hand in triage.js left out)',
      cells: corpora.map((c) => recallCell(overlaps[c.name]?.B)),
      all: recallAll === undefined ? 'n/a' : `${(recallAll * 100).toFixed(0)} % (${found}/${total})`,
      limit: '≥ 60 %',
      ok: recallAll === undefined ? undefined : recallAll >= 0.6,
    });
  }

  const problems = [...staleVerdicts];
  // Verdicts must keep matching reports, and every report should have been read.
  for (const { name } of corpora) {
    const anchors = table[name]?.E;
    if (!anchors) continue;
    const floating = anchors.reports.filter((r) => r.ruleId === '@typescript-eslint/no-floating-promises');
    const reported = new Set(floating.map(locationKey));
    for (const [key, verdict] of triage) {
      if (verdict.corpus === name && !reported.has(locationKey(verdict)))
        problems.push(`- triage.js: ${key} matches no report of (E) any more; remove or update it`);
    }
    const unread = floating.filter((r) => !triage.has(`${name}:${locationKey(r)}`));
    for (const r of unread)
      problems.push(
        `- triage.js: ${name} \`${r.file}:${r.line}\` (no-floating-promises) has not been read; it counts as a true report until it is`,
      );
  }
  for (const { name } of corpora) {
    for (const config of configs) {
      const s = table[name]?.[config];
      if (!s) continue;
      for (const f of s.fatal)
        problems.push(`- ${name} ${config}: \`${f.file}:${f.line}\` did not parse: ${f.message}`);
      if (!s.stable) problems.push(`- ${name} ${config}: report counts differ between runs`);
    }
  }
  for (const f of failures)
    problems.push(
      `- ${f.corpus} ${f.config} run ${f.run}: the worker failed:\n\n  \`\`\`\n  ${f.detail.split('\n').join('\n  ')}\n  \`\`\``,
    );

  return { table, overlaps, targets, problems, ourFloating, typedAnchors };
}
