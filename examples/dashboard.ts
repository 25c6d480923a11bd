// Dashboard: reads that could run together, and lookalikes whose order matters.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Order, OrderRepository, User, UserRepository } from './users.js';

export interface Dashboard {
  user: User | undefined;
  orders: Order[];
  banner: string;
}

async function fetchBanner(): Promise<string> {
  const response = await fetch('https://cms.example.com/banner');
  return response.text();
}

async function fetchExchangeRate(currency: string): Promise<number> {
  const response = await fetch(`https://rates.example.com/${currency}`);
  return Number(await response.text());
}

export async function loadDashboard(users: UserRepository, orders: OrderRepository, id: string, accountId: string): Promise<Dashboard> {
  // Two independent HTTP requests awaited in turn take the sum of their times.
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
