/**
 * Measuring: prepares each corpus and lints it with each configuration, `runs` times, each run in a
 * fresh `node` process (lint-worker.js) timed from spawn to exit. Runs are interleaved (run 1 of
 * everything, then run 2, …) so a slow moment of the machine spreads over all configurations.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { benchDir, packageVersion, prepareCorpus, workDir } from './corpora.js';
import { mb, seconds } from './format.js';

/** Same for every configuration: fresh process, same flags, same environment. */
export const nodeFlags = ['--max-old-space-size=8192', '--expose-gc'];

/**
 * @typedef {import('./corpora.js').Corpus} Corpus
 * @typedef {{ file: string, line: number, column: number, ruleId: string, message: string }} Report
 * @typedef {{ file: string, line: number, message: string }} Fatal
 * @typedef {{
 *   files: number, parseMs: number, rulesMs: number, maxRssKb: number, retainedHeapKb: number,
 *   ruleTimes: Record<string, number>, reportsPerRule: Record<string, number>,
 *   reports: Report[], fatal: Fatal[], wallMs: number,
 * }} Sample one worker run, plus the wall time measured here
 * @typedef {{
 *   dir: string, files: string[], totalFiles: number,
 *   excluded: { declarations: number, tests: number, bundles: number },
 *   filesList: string, version: string,
 * }} PreparedCorpus
 * @typedef {{ corpus: string, config: string, run: number, detail: string }} Failure
 * @typedef {Record<string, Record<string, Sample[]>>} Samples samples[corpus][config]
 */

/**
 * Copies each corpus to bench/.work with its generated tsconfig.json and writes its file list.
 * @param {Corpus[]} corpora
 * @param {{ limit?: number }} options
 * @returns {Map<string, PreparedCorpus>}
 */
export function prepareCorpora(corpora, { limit }) {
  fs.mkdirSync(workDir, { recursive: true });
  const prepared = new Map();
  for (const corpus of corpora) {
    const info = prepareCorpus(corpus, { limit });
    const filesList = path.join(workDir, `${corpus.name}.files.json`);
    fs.writeFileSync(filesList, JSON.stringify(info.files));
    prepared.set(corpus.name, { ...info, filesList, version: packageVersion(corpus) });
  }
  return prepared;
}

/**
 * Runs every corpus × configuration `runs` times and prints one progress line per run.
 * @param {{
 *   corpora: Corpus[], configs: string[], runs: number,
 *   prepared: Map<string, PreparedCorpus>, pluginPath?: string,
 * }} options
 * @returns {{ samples: Samples, failures: Failure[] }}
 */
export function measure({ corpora, configs, runs, prepared, pluginPath }) {
  const workerPath = path.join(benchDir, 'lint-worker.js');
  const childEnv = { ...process.env };
  delete childEnv.NODE_OPTIONS;
  delete childEnv.TIMING;

  /** @type {Samples} */
  const samples = {};
  /** @type {Failure[]} */
  const failures = [];
  for (let run = 1; run <= runs; run++) {
    for (const corpus of corpora) {
      const info = /** @type {PreparedCorpus} */ (prepared.get(corpus.name));
      for (const config of configs) {
        const out = path.join(workDir, `result-${corpus.name}-${config}.json`);
        fs.rmSync(out, { force: true });
        const args = [...nodeFlags, workerPath, '--config', config, '--dir', info.dir, '--files', info.filesList];
        args.push('--source-type', corpus.sourceType, '--out', out);
        if (pluginPath) args.push('--plugin', path.resolve(pluginPath));
        const started = performance.now();
        const child = spawnSync(process.execPath, args, {
          env: childEnv,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        const wallMs = performance.now() - started;
        if (child.status !== 0 || !fs.existsSync(out)) {
          const detail = (child.stderr || child.error?.message || '').trim().split('\n').slice(-15).join('\n');
          failures.push({ corpus: corpus.name, config, run, detail });
          console.log(`[run ${run}/${runs}] ${corpus.name} ${config}: FAILED (exit ${child.status})\n${detail}`);
          continue;
        }
        /** @type {Sample} */
        const result = { ...JSON.parse(fs.readFileSync(out, 'utf8')), wallMs };
        ((samples[corpus.name] ??= {})[config] ??= []).push(result);
        const reports = Object.values(result.reportsPerRule).reduce((a, b) => a + b, 0);
        console.log(
          `[run ${run}/${runs}] ${corpus.name.padEnd(14)} ${config}: ${seconds(wallMs)} s wall, ${seconds(result.parseMs)} s parse, ` +
            `${seconds(result.rulesMs)} s rules, ${mb(result.maxRssKb)} MB peak RSS, ${reports} reports` +
            (result.fatal.length ? `, ${result.fatal.length} files failed to parse` : ''),
        );
      }
    }
  }
  return { samples, failures };
}
