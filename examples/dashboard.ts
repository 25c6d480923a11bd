// Dashboard: reads that could run together, and lookalikes whose order matters.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Order, OrderRepository, User, UserRepository } from './users.js';

export interface Dashboard {
  user: User | undefined;
  orders: Order[];
  banner: string;
}

async function fetchBanner(): Promise<string> {
  return readFile('banner.txt', 'utf8');
}

async function fetchExchangeRate(currency: string): Promise<number> {
  const text = await readFile(`rates/${currency}.txt`, 'utf8');
  return Number(text);
}

export async function loadDashboard(users: UserRepository, orders: OrderRepository, id: string, accountId: string): Promise<Dashboard> {
  // Two independent reads awaited in turn take the sum of their times.
  const banner = await fetchBanner(); // expect: prefer-promise-all
  const rate = await fetchExchangeRate('EUR');
  const user = await users.findById(id);
  const recent = await orders.listForAccount(user?.accountId ?? accountId);
  return { user, orders: recent.map((order) => ({ ...order, total: order.total * rate })), banner };
}

export async function loadRates(currencies: string[]): Promise<number[]> {
  const rates: number[] = [];
  for (const currency of currencies) {
    rates.push(await fetchExchangeRate(currency)); // expect: prefer-promise-all
  }
  return rates;
}

export async function pollRates(currencies: string[]): Promise<number[]> {
  // Paced on purpose: one request per second.
  const rates: number[] = [];
  for (const currency of currencies) {
    rates.push(await fetchExchangeRate(currency));
    await sleep(1000);
  }
  return rates;
}

export async function firstKnownRate(currencies: string[]): Promise<number | undefined> {
  // Stops at the first match: the iterations are not independent.
  for (const currency of currencies) {
    const rate = await fetchExchangeRate(currency);
    if (rate > 0) return rate;
  }
  return undefined;
}
