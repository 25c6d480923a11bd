/**
 * The first rows of every page the bench writes (RESULTS.md, EDITOR-LATENCY.md, OXLINT-TIMING.md): when, on
 * what machine, how busy it was, with which Node.js and package versions, so a reader can weigh the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The version in `dir`/package.json, or `fallback` when there is none.
 * @param {string} dir
 * @param {string} [fallback]
 * @returns {string}
 */
export function packageVersionOf(dir, fallback = '?') {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return fallback;
  }
}

/** @param {number[]} load */
const loadText = (load) => load.map((x) => x.toFixed(2)).join(', ');

/**
 * Markdown table rows (`| key | value |`): date, machine, the load average before and after the measure
 * (flagged when the 1-minute load exceeded the cores), and Node.js.
 * @param {{ loadBefore?: number[], loadAfter?: number[] }} [load]
 * @returns {string[]}
 */
export function environmentRows({ loadBefore, loadAfter } = {}) {
  const cpus = os.cpus();
  const busy = loadBefore && (loadBefore[0] ?? 0) > cpus.length;
  return [
    `| date | ${new Date().toISOString().replace(/\.\d+Z$/u, 'Z')} |`,
    `| machine | ${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()} ${os.arch()} |`,
    ...(loadBefore && loadAfter
      ? [
          `| load average (1, 5, 15 min) | before: ${loadText(loadBefore)}; after: ${loadText(loadAfter)}${busy ? ' (**under load**: the figures are noisy)' : ''} |`,
        ]
      : []),
    `| Node.js | ${process.version} |`,
  ];
}
