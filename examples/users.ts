// Repository layer: users and their orders, stored as JSON files (a stand-in for a database client).
import { pbkdf2, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

export interface User {
  id: string;
  email: string;
  accountId: string;
  passwordHash: string;
  salt: string;
}

export interface Order {
  id: string;
  accountId: string;
  total: number;
}

const dataDir = process.env.DATA_DIR ?? path.join(process.cwd(), 'data');

// Read once at startup, before the server accepts requests: a synchronous read is fine here.
function loadSeedUsers(): User[] {
  const seedFile = path.join(dataDir, 'seed-users.json');
  if (!existsSync(seedFile)) return [];
  return JSON.parse(readFileSync(seedFile, 'utf8')) as User[];
}

export class UserRepository {
  private readonly cache = new Map<string, User>();

  constructor(seed: User[] = loadSeedUsers()) {
    for (const user of seed) this.cache.set(user.id, user);
  }

  async findById(id: string): Promise<User | undefined> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const file = path.join(dataDir, 'users', `${id}.json`);
    const user = JSON.parse(await readFile(file, 'utf8')) as User;
    this.cache.set(id, user);
    return user;
  }

  async findMany(ids: string[]): Promise<User[]> {
    const users: User[] = [];
    for (const id of ids) {
      const user = await this.findById(id);
      if (user) users.push(user);
    }
    return users;
  }

  async create(email: string, password: string): Promise<User> {
    const salt = randomBytes(16).toString('hex');
    // Hashing a password takes ~100 ms of CPU: every other request waits for it.
    const passwordHash = pbkdf2Sync(password, salt, 310_000, 32, 'sha256').toString('hex'); // expect: no-blocking-in-async
    const user: User = { id: randomBytes(8).toString('hex'), email, accountId: randomBytes(8).toString('hex'), passwordHash, salt };
    await this.save(user);
    this.writeAuditLog(`created ${user.id}`); // expect: no-floating-promise
    return user;
  }

  async verifyPassword(user: User, password: string): Promise<boolean> {
    const hash = await pbkdf2Async(password, user.salt, 310_000, 32, 'sha256');
    return timingSafeEqual(hash, Buffer.from(user.passwordHash, 'hex'));
  }

  async save(user: User): Promise<void> {
    await mkdir(path.join(dataDir, 'users'), { recursive: true });
    await writeFile(path.join(dataDir, 'users', `${user.id}.json`), JSON.stringify(user));
    this.cache.set(user.id, user);
  }

  private async writeAuditLog(line: string): Promise<void> {
    await writeFile(path.join(dataDir, 'audit.log'), `${new Date().toISOString()} ${line}\n`, { flag: 'a' });
  }
}

export class OrderRepository {
  async listForAccount(accountId: string): Promise<Order[]> {
    const file = path.join(dataDir, 'orders', `${accountId}.json`);
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Order[];
    } catch {
      return [];
    }
  }

  async totalForAccount(accountId: string): Promise<number> {
    const orders = await this.listForAccount(accountId);
    return orders.reduce((sum, order) => sum + order.total, 0);
  }
}

export async function loadProfile(users: UserRepository, orders: OrderRepository, id: string) {
  const user = await users.findById(id);
  if (!user) return undefined;
  // The second query needs the first one's result: these awaits must stay in sequence.
  const recent = await orders.listForAccount(user.accountId);
  return { user, recent };
}
