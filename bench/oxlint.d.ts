/** Types of bench/oxlint.js for the test suite (tests/integration/oxlint.test.ts). */
export interface Report {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
  /** Parse error or crash text: both sides record these as one file-level entry. */
  detail?: string;
}

export interface Comparison {
  target: string;
  dir: string;
  files: number;
  rules: string[];
  eslint: Report[];
  oxlint: Report[];
  oxlintError: string | undefined;
  timings: { eslintMs?: number; oxlintMs?: number };
  onlyEslint: Report[];
  onlyOxlint: Report[];
  messageDiffers: (Report & { oxlintMessage: string })[];
}

/** `target`: 'examples', a corpus name, or a folder path; `pluginPath`: the built plugin (dist/index.js). */
export function compareWithEslint(options?: { target?: string; pluginPath?: string }): Promise<Comparison>;

export function agrees(comparison: Comparison): boolean;
