/**
 * The logic of the precision triage (bench/precision.js), kept free of I/O so it is unit tested
 * (tests/bench/precision.test.ts): which reports are sampled, which hand-read verdict belongs to which
 * report, which verdicts lost their report, and the shares worth fixing.
 *
 * The sample is stable under change: each report gets a rank from a seeded hash of what it is (corpus,
 * mode, rule, file and the text of its line, not the line number), and the sample of a group (corpus ×
 * mode × rule) is its `size` lowest ranks. A precision fix that removes reports therefore never reshuffles
 * the reports that stay: they stay sampled, their verdicts still apply, and the freed places go to the
 * next-ranked reports, which show as unread.
 */

/** @typedef {'untyped' | 'typed'} Mode */
/** @typedef {'worth fixing' | 'harmless' | 'wrong'} VerdictKind */

/**
 * One report of one rule, as the triage keeps it.
 * @typedef {{ corpus: string, mode: Mode, rule: string, file: string, line: number, text: string, message: string }} Report
 * `rule` without the plugin's namespace; `text`: the fingerprint of the reported line (`fingerprint`).
 */

/**
 * One hand-read report: where it was (corpus version, file, line, rule, mode), the fingerprint of the
 * line read, the verdict and why.
 * @typedef {{
 *   corpus: string, version: string, file: string, line: number, rule: string, mode: Mode, text: string,
 *   verdict: VerdictKind, why: string,
 * }} Verdict
 */

export const verdictKinds = /** @type {const} */ (['worth fixing', 'harmless', 'wrong']);

const fingerprintLength = 60;

/**
 * A short fingerprint of a source line: its text without indentation, runs of white space collapsed,
 * cut to 60 characters. Enough to notice that the line under a verdict is no longer the line read.
 * @param {string} lineText
 */
export function fingerprint(lineText) {
  return lineText.trim().replace(/\s+/gu, ' ').slice(0, fingerprintLength);
}

/**
 * FNV-1a (32 bits) of a string, mixed with a seed: a rank that depends only on the text.
 * @param {string} text
 * @param {number} seed
 */
export function seededHash(text, seed) {
  let hash = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche, so that texts differing in their last character do not get neighbouring ranks.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/**
 * The group a report or verdict belongs to: one table row.
 * @param {{ corpus: string, mode: Mode, rule: string }} item
 */
export const groupKey = ({ corpus, mode, rule }) => `${corpus}\u0000${mode}\u0000${rule}`;

/**
 * Where a report or verdict is: group, file and line. Several reports of one rule on one line are one
 * report for the triage (one reading decides them all).
 * @param {{ corpus: string, mode: Mode, rule: string, file: string, line: number }} item
 */
export const locationKey = (item) => `${groupKey(item)}\u0000${item.file}\u0000${item.line}`;

/**
 * Reports with one entry per location (the first report there), in a stable order.
 * @param {Report[]} reports
 * @returns {Report[]}
 */
export function distinctReports(reports) {
  /** @type {Map<string, Report>} */
  const byLocation = new Map();
  for (const report of reports) if (!byLocation.has(locationKey(report))) byLocation.set(locationKey(report), report);
  return [...byLocation.values()];
}

/**
 * The seeded sample: in each group, the `size` reports of lowest rank. The rank hashes the report's
 * identity without its line number, so a line that moves keeps its place in the sample; reports with the
 * same text in the same file are told apart by their order in the file.
 * @param {Report[]} reports distinct reports (`distinctReports`)
 * @param {{ size: number, seed: number }} options
 * @returns {Report[]} the sampled reports, by group, then rank
 */
export function sampleReports(reports, { size, seed }) {
  /** @type {Map<string, { report: Report, rank: number, tie: string }[]>} */
  const groups = new Map();
  /** @type {Map<string, number>} */
  const seen = new Map();
  const ordered = [...reports].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const report of ordered) {
    const identity = `${groupKey(report)}\u0000${report.file}\u0000${report.text}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const entry = {
      report,
      rank: seededHash(`${identity}\u0000${occurrence}`, seed),
      tie: `${report.file}:${report.line}`,
    };
    const group = groups.get(groupKey(report));
    if (group) group.push(entry);
    else groups.set(groupKey(report), [entry]);
  }
  const sampled = [];
  for (const key of [...groups.keys()].sort()) {
    const group = /** @type {{ report: Report, rank: number, tie: string }[]} */ (groups.get(key));
    group.sort((a, b) => a.rank - b.rank || a.tie.localeCompare(b.tie));
    sampled.push(...group.slice(0, size).map((entry) => entry.report));
  }
  return sampled;
}

/**
 * @typedef {{
 *   read: { report: Report, verdict: Verdict }[],
 *   unread: Report[],
 *   moved: { report: Report, verdict: Verdict }[],
 *   removed: Verdict[],
 *   otherVersion: Verdict[],
 *   outsideSample: Verdict[],
 * }} Matching
 * - `read`: sampled reports with a verdict at the same place and the same line text (or the same text
 *   moved to another line of the file: those are also in `moved`, to be re-keyed);
 * - `unread`: sampled reports without a verdict;
 * - `removed`: verdicts on the installed corpus version whose report is gone (after a precision change:
 *   the report it removed; a `worth fixing` here is a real find lost);
 * - `otherVersion`: verdicts read on another corpus version, to read again;
 * - `outsideSample`: verdicts whose report still exists but is no longer sampled (a new report ranked
 *   before it); they do not count in the shares.
 */

/**
 * Matches hand-read verdicts to the current reports.
 * @param {{ reports: Report[], sampled: Report[], verdicts: Verdict[], versions: Record<string, string>, modes?: Set<string> }} input
 *   `versions`: the installed version of each linted corpus; verdicts of corpora (or corpus × mode) not linted in
 *   this run are left out of every list.
 * @returns {Matching}
 */
export function matchVerdicts({ reports, sampled, verdicts, versions, modes }) {
  /** @type {Matching} */
  const matching = { read: [], unread: [], moved: [], removed: [], otherVersion: [], outsideSample: [] };
  const linted = (/** @type {Verdict} */ v) =>
    v.corpus in versions && (!modes || modes.has(`${v.corpus}\u0000${v.mode}`));
  const current = verdicts.filter((v) => linted(v) && v.version === versions[v.corpus]);
  matching.otherVersion = verdicts.filter((v) => linted(v) && v.version !== versions[v.corpus]);

  /** @type {Map<string, Verdict>} */
  const byLocation = new Map();
  for (const verdict of current) byLocation.set(locationKey(verdict), verdict);
  /** @type {Map<string, Report>} */
  const reportAt = new Map();
  for (const report of reports) if (!reportAt.has(locationKey(report))) reportAt.set(locationKey(report), report);

  /** @type {Set<Verdict>} */
  const used = new Set();
  // First the verdicts still at their place with their line text.
  for (const verdict of current) {
    const report = reportAt.get(locationKey(verdict));
    if (report && report.text === verdict.text) used.add(verdict);
  }
  // Then verdicts whose line moved: the same text reported in the same file, rule and mode, not yet read.
  /** @type {Map<string, Verdict[]>} */
  const movable = new Map();
  for (const verdict of current) {
    if (used.has(verdict)) continue;
    const key = `${groupKey(verdict)}\u0000${verdict.file}\u0000${verdict.text}`;
    const list = movable.get(key);
    if (list) list.push(verdict);
    else movable.set(key, [verdict]);
  }
  /** @type {Map<Report, Verdict>} */
  const verdictOf = new Map();
  for (const report of reports) {
    const here = byLocation.get(locationKey(report));
    if (here && used.has(here) && here.text === report.text) {
      verdictOf.set(report, here);
      continue;
    }
    const candidates = movable.get(`${groupKey(report)}\u0000${report.file}\u0000${report.text}`);
    const verdict = candidates?.shift();
    if (verdict) {
      used.add(verdict);
      verdictOf.set(report, verdict);
      matching.moved.push({ report, verdict });
    }
  }
  const sampledSet = new Set(sampled);
  for (const report of sampled) {
    const verdict = verdictOf.get(report);
    if (verdict) matching.read.push({ report, verdict });
    else matching.unread.push(report);
  }
  for (const [report, verdict] of verdictOf) if (!sampledSet.has(report)) matching.outsideSample.push(verdict);
  matching.removed = current.filter((v) => !used.has(v));
  return matching;
}

/**
 * @typedef {{ reports: number, sampled: number, read: number, unread: number } & Record<VerdictKind, number>} Tally
 */

/** @returns {Tally} */
export const emptyTally = () => ({
  reports: 0,
  sampled: 0,
  read: 0,
  unread: 0,
  'worth fixing': 0,
  harmless: 0,
  wrong: 0,
});

/**
 * Counts per key: every report, sampled report, read report by verdict, and unread report.
 * @param {{ reports: Report[], sampled: Report[], matching: Matching, keyOf: (item: { corpus: string, mode: Mode, rule: string }) => string | undefined }} input
 *   `keyOf` returns the row a report counts in, or undefined to leave it out.
 * @returns {Map<string, Tally>}
 */
export function tally({ reports, sampled, matching, keyOf }) {
  /** @type {Map<string, Tally>} */
  const rows = new Map();
  const row = (/** @type {string} */ key) => {
    let entry = rows.get(key);
    if (!entry) rows.set(key, (entry = emptyTally()));
    return entry;
  };
  for (const report of reports) {
    const key = keyOf(report);
    if (key !== undefined) row(key).reports++;
  }
  for (const report of sampled) {
    const key = keyOf(report);
    if (key !== undefined) row(key).sampled++;
  }
  for (const { report, verdict } of matching.read) {
    const key = keyOf(report);
    if (key === undefined) continue;
    row(key).read++;
    row(key)[verdict.verdict]++;
  }
  for (const report of matching.unread) {
    const key = keyOf(report);
    if (key !== undefined) row(key).unread++;
  }
  return rows;
}

/**
 * The share worth fixing among the read reports, as a percentage text (`n/a` when none was read).
 * @param {Tally} row
 */
export const shareWorthFixing = (row) =>
  row.read === 0 ? 'n/a' : `${Math.round((100 * row['worth fixing']) / row.read)} %`;
