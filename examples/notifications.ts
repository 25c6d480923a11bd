// Notifications: who gets told what, and when. Promises used as values hide here as easily as dropped ones.
import { writeFile } from 'node:fs/promises';
import type { User, UserRepository } from './users.js';

export interface Notice {
  userId: string;
  text: string;
}

export class Notifier {
  private readonly muted = new Set<string>();
  private connecting: Promise<void> | undefined;

  constructor(private readonly users: UserRepository) {}

  async isMuted(userId: string): Promise<boolean> {
    await this.connect();
    return this.muted.has(userId);
  }

  async deliver(user: User, text: string): Promise<void> {
    await writeFile(`outbox/${user.id}.txt`, text, { flag: 'a' });
  }

  /** Never rejects: a failed log line must not fail the notice. */
  async logFailure(notice: Notice, error: unknown): Promise<void> {
    try {
      await writeFile('outbox/failures.log', `${notice.userId} ${String(error)}\n`, { flag: 'a' });
    } catch {
      // the log is best effort
    }
  }

  async notify(notice: Notice): Promise<void> {
    // `if (this.isMuted(…))` without `await` would be TypeScript's own error here (TS2801 under `strict`).
    if (await this.isMuted(notice.userId)) return;
    const user = this.users.findById(notice.userId);
    if (!user) return; // expect: no-floating-promise
    try {
      await this.deliver(await this.users.findById(notice.userId).then((found) => found ?? fallbackUser(notice)), notice.text);
    } catch (error) {
      this.logFailure(notice, error);
    }
  }

  async notifyAll(notices: Notice[]): Promise<void> {
    const pending = notices.filter(async (notice) => !(await this.isMuted(notice.userId))); // expect: no-floating-promise
    pending.map(async (notice) => this.notify(notice)); // expect: no-floating-promise
    console.log(`queued ${notices.length} notices, first for ${this.users.findById(notices[0]?.userId ?? '')}`); // expect: no-floating-promise
  }

  async notifyAllCorrectly(notices: Notice[]): Promise<void> {
    const muted = await Promise.all(notices.map((notice) => this.isMuted(notice.userId)));
    const pending = notices.filter((_, index) => !muted[index]);
    await Promise.all(pending.map(async (notice) => this.notify(notice)));
    void this.flush(); // detached on purpose
  }

  async flush(): Promise<void> {
    await writeFile('outbox/.flushed', new Date().toISOString());
  }

  private async connect(): Promise<void> {
    // A promise-or-nothing field: this condition is an existence check, not a misused promise.
    if (this.connecting) return this.connecting;
    this.connecting = writeFile('outbox/.connected', '');
    return this.connecting;
  }
}

function fallbackUser(notice: Notice): User {
  return { id: notice.userId, email: '', accountId: '', passwordHash: '', salt: '' };
}
