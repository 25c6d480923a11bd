// Static assets and uploads: the blocking calls that slip into request-time code, next to the
// synchronous code that is fine where it runs (startup, a CLI entry point, helpers run once).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve('public');

// Startup: read once, before any request arrives.
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));

// A cache with its own readFileSync: a lookalike, not Node's fs.
const cache = {
  entries: new Map(),
  readFileSync(name) {
    return this.entries.get(name);
  },
};

export function buildIndex() {
  // Called by the build script, not by a request handler.
  return fs.readdirSync(root).filter((name) => name.endsWith('.html'));
}

async function retryLater(attempt) {
  const until = Date.now() + 100 * attempt;
  while (Date.now() < until) {} // expect: no-blocking-in-async
}

export async function serveAsset(name) {
  const cached = cache.readFileSync(name);
  if (cached) return cached;
  const file = path.join(root, manifest[name] ?? name);
  // One stat of a local file costs microseconds: reported only with `checkMetadataCalls` (strict).
  if (!existsSync(file)) return undefined;
  const body = await readFile(file);
  cache.entries.set(name, body);
  return body;
}

export async function saveUpload(bytes) {
  const id = randomBytes(16).toString('hex');
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await writeFile(path.join(root, 'uploads', id), bytes);
      return id;
    } catch {
      await retryLater(attempt);
    }
  }
  throw new Error('upload failed');
}

export const assets = createServer();
assets.on('request', (request, response) => {
  const stats = fs.statSync(path.join(root, request.url ?? '/')); // expect: no-blocking-in-async
  response.setHeader('last-modified', stats.mtime.toUTCString());
  serveAsset(request.url ?? '/').then(
    (body) => response.end(body),
    () => response.end(),
  );
});
