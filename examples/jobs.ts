// Background job runner: a queue of jobs with retries, run alongside the HTTP server.
import { execFile, execSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type { UserRepository } from './users.js';

const execFileAsync = promisify(execFile);
const gzipAsync = promisify(gzip);

export interface Job {
  id: string;
  kind: 'report' | 'backup' | 'welcome-email';
  payload: Record<string, string>;
  attempts: number;
}

// Blocks the whole thread for `ms`: a "sleep" that stops every other request with it.
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class JobRunner extends EventEmitter {
  private readonly queue: Job[] = [];
  private running = 0;
  private stopped = false;

  constructor(
    private readonly users: UserRepository,
    private readonly concurrency = 2,
  ) {
    super();
  }

  enqueue(job: Job): void {
    this.queue.push(job);
    this.emit('queued', job);
    this.pump();
  }

  async runReport(job: Job): Promise<void> {
    const source = job.payload.source ?? 'reports/latest.csv';
    const csv = await readFile(source);
    const compressed = gzipSync(csv); // expect: no-blocking-in-async
    await writeFile(`${source}.gz`, compressed);
  }

  async runBackup(job: Job): Promise<void> {
    const target = job.payload.target ?? 'backup.tar';
    execSync(`tar -cf ${target} data`); // expect: no-blocking-in-async
    const archive = await readFile(target);
    await writeFile(`${target}.gz`, await gzipAsync(archive));
  }

  async runWelcomeEmail(job: Job): Promise<void> {
    const user = await this.users.findById(job.payload.userId ?? '');
    if (!user) throw new Error(`no user ${job.payload.userId}`);
    await execFileAsync('sendmail', ['-t'], { env: { ...process.env, TO: user.email } });
  }

  async run(job: Job): Promise<void> {
    for (;;) {
      try {
        if (job.kind === 'report') await this.runReport(job);
        else if (job.kind === 'backup') await this.runBackup(job);
        else await this.runWelcomeEmail(job);
        this.emit('done', job);
        return;
      } catch (error) {
        job.attempts += 1;
        if (job.attempts >= 3) {
          this.emit('failed', job, error);
          return;
        }
        sleepSync(2 ** job.attempts * 100);
      }
    }
  }

  private pump(): void {
    while (!this.stopped && this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running += 1;
      this.run(job).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  async retryLater(job: Job, delayMs: number): Promise<void> {
    await sleep(delayMs);
    this.enqueue(job);
  }

  /** Waits for the running jobs, then stops taking new ones. */
  async drain(): Promise<void> {
    this.stopped = true;
    while (this.running > 0) await sleep(50);
  }

  /** Called from a synchronous shutdown hook: spins until the queue is drained. */
  stopSync(): void {
    let drained = false;
    void this.drain().then(() => {
      drained = true;
    });
    // The `then` callback can only run once this loop gives the thread back, so it never ends.
    while (!drained) {
      sleepSync(10);
    }
  }
}

export function scheduleNightlyReports(runner: JobRunner, ids: string[]): void {
  ids.forEach(async (id) => { // expect: no-floating-promise
    await sleep(1000);
    runner.enqueue({ id, kind: 'report', payload: { source: `reports/${id}.csv` }, attempts: 0 });
  });
}
