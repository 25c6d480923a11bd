import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { readsKernelPseudoFile } from '../../../src/analysis/blocking/pseudo-files.js';
import { type Context, probeAsked } from '../harness.js';

/** Asks about `read(path)` for each `ask(read(path))`. */
const asks = (code: string) =>
  probeAsked({ code }, (context: Context, expression: TSESTree.Node) =>
    readsKernelPseudoFile(context, expression as TSESTree.CallExpression),
  );

describe('readsKernelPseudoFile', () => {
  it('takes status files of /proc and /sys, their path known but for the middle', () => {
    const code = [
      "const SELF = '/proc/self';",
      "ask(read('/proc/meminfo')); ask(read(`/proc/${pid}/stat`)); ask(read(SELF + '/status'));",
      "ask(read(`${SELF}/status`)); ask(read('/proc/' + pid + '/statm'));",
      "ask(read('/sys/fs/cgroup/memory.max')); ask(read(`/sys/class/net/${name}/speed`));",
    ].join('\n');
    expect(asks(code)).toEqual([true, true, true, true, true, true, true]);
  });

  it('leaves out streams, links to real files, climbing out, large or unknown files, and unknown ends', () => {
    const code = [
      "ask(read('/proc/self/fd/0')); ask(read(`/proc/self/cwd/${name}/stat`)); ask(read(`/proc/self/root/stat`));",
      "ask(read('/proc/' + '../etc/stat')); ask(read('/proc/' + url)); ask(read(`/proc/${pid}/${file}`));",
      "ask(read('/proc/net/tcp')); ask(read('/proc/self/exe')); ask(read('/proc/kcore')); ask(read('/proc/kmsg'));",
      "ask(read('/sys/kernel/debug/tracing/trace_pipe')); ask(read(`${dir}/proc/meminfo`)); ask(read('/processes.json'));",
      'ask(read(path)); ask(read());',
    ].join('\n');
    expect(asks(code)).toEqual(Array.from({ length: 15 }, () => false));
  });
});
