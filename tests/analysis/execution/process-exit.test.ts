import { describe, expect, it } from 'vitest';

import { isFunctionNode } from '../../../src/analysis/ast.js';
import { isProcessExitListener } from '../../../src/analysis/execution/process-exit.js';
import { probe } from '../harness.js';

describe('isProcessExitListener', () => {
  it('listeners of exit, uncaughtException and uncaughtExceptionMonitor, not of other events or emitters', () => {
    const code = [
      "process.on('exit', () => {});",
      "process.once('uncaughtException', function () {});",
      "process.on('uncaughtExceptionMonitor', () => {});",
      "process.on('beforeExit', () => {});",
      "emitter.on('exit', () => {});",
      'process.on(event, () => {});',
      'process.on(() => {});',
    ].join('\n');
    const answers = probe(
      { code },
      ':function',
      (context, node) => isFunctionNode(node) && isProcessExitListener(context, node),
    );
    expect(answers).toEqual([true, true, true, false, false, false, false]);
  });
});
