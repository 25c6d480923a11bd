/** Types of bench/sweep/fix-checks.js for the test suite (tests/bench/fix-checks.test.ts). */
export interface Fix {
  range: readonly [number, number];
  text: string;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Any ESTree AST (espree's or typescript-eslint's): nodes with a `type` and a `range`. */
export interface Node {
  type: string;
  range: [number, number];
}

export interface StructureChange {
  /** `type start-end` of nodes only the original has (original offsets). */
  lost: string[];
  /** `type start-end` of nodes only the output has (output offsets). */
  gained: string[];
}

export interface LintMessage {
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  suggestions?: { messageId?: string; fix: Fix }[];
}

export function applyFix(text: string, fix: Fix): string;
export function minimalEdits(before: string, after: string, maxEdits?: number): Edit[];
export function editsOf(text: string, fix: Fix): { edits: Edit[]; outputRanges: [number, number][] };
export function toOutputOffset(edits: Edit[], offset: number): number;
export function keptReports(text: string, fix: Fix, messages: LintMessage[]): Set<string>;
export function structureChange(text: string, fix: Fix, before: Node, after: Node): StructureChange | undefined;
export function describeStructureChange(change: StructureChange, limit?: number): string;
export function reappliedFix(
  output: string,
  relinted: LintMessage[],
  options: { outputRanges: [number, number][]; kind: 'fix' | 'suggestion'; messageId?: string; kept?: Set<string> },
  offsetOf: (line: number, column: number) => number,
): { second: string; message: string } | undefined;
export function offsetFinder(text: string): (line: number, column: number) => number;
export function regionDiff(before: string, after: string, maxLines?: number): string;
