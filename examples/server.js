// HTTP entry point: routes requests to the repositories and hands slow work to the job runner.
import { readFileSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { JobRunner } from './jobs.js';
import { sendReceipt } from './mailer.cjs';
import { OrderRepository, UserRepository, loadProfile } from './users.js';

const users = new UserRepository();
const orders = new OrderRepository();
const jobs = new JobRunner(users);

// Startup configuration, read before the server listens.
const config = JSON.parse(readFileSync(new URL('./config.json', import.meta.url), 'utf8'));

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function recordVisit(path) {
  const line = `${new Date().toISOString()} ${path}\n`;
  await appendFile(config.visitLog, line);
  return line;
}

async function handleDashboard(response, id) {
  const user = await users.findById(id);
  const total = await orders.totalForAccount(id);
  const template = readFileSync('templates/dashboard.html', 'utf8'); // expect: no-blocking-in-async
  send(response, 200, { html: template.replace('{{email}}', user?.email ?? ''), total });
}

async function handleSignup(request, response) {
  const { email, password } = await readBody(request);
  const user = await users.create(email, password);
  jobs.enqueue({ id: user.id, kind: 'welcome-email', payload: { userId: user.id }, attempts: 0 });
  sendReceipt(user.email, 'Welcome!'); // expect: no-floating-promise
  send(response, 201, { id: user.id });
}

async function isBlocked(id) {
  const blocked = await readFile(config.blockList, 'utf8');
  return blocked.split('\n').includes(id);
}

async function handleProfile(response, id) {
  if (isBlocked(id)) return send(response, 403, { error: 'blocked' }); // expect: no-floating-promise
  const profile = await loadProfile(users, orders, id);
  if (!profile) return send(response, 404, { error: 'not found' });
  const [total, template] = await Promise.all([orders.totalForAccount(id), readFile('templates/profile.html', 'utf8')]);
  send(response, 200, { html: template.replace('{{email}}', profile.user.email), total });
}

async function route(request, response) {
  recordVisit(request.url); // expect: no-floating-promise
  const url = new URL(request.url, 'http://localhost');
  const id = url.searchParams.get('id') ?? '';
  if (url.pathname === '/dashboard') return handleDashboard(response, id);
  if (url.pathname === '/signup' && request.method === 'POST') return handleSignup(request, response);
  if (url.pathname === '/profile') return handleProfile(response, id);
  send(response, 404, { error: 'not found' });
}

const server = createServer((request, response) => {
  route(request, response).catch((error) => {
    console.error(error);
    send(response, 500, { error: 'internal error' });
  });
});

process.on('SIGTERM', () => {
  server.close();
  jobs.stopSync();
});

server.listen(config.port ?? 3000);
