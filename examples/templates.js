// Template rendering. The legacy CLI report needs a synchronous API, so rendering also runs in a
// worker behind synckit; request handlers must use the asynchronous path.
import { readFile } from 'node:fs';
import { readFile as readFileAsync } from 'node:fs/promises';
import deasync from 'deasync';
import { createSyncFn } from 'synckit';

const renderInWorker = createSyncFn(new URL('./render-worker.js', import.meta.url).href);
const readFileBlocking = deasync(readFile);

async function logRender(name) {
  await readFileAsync(`templates/${name}.log`, 'utf8').catch(() => '');
}

// The synchronous API of the CLI report: this is what the bridges are for.
export function renderReportSync(name, data) {
  const template = readFileBlocking(`templates/${name}.html`, 'utf8');
  return renderInWorker(template, data);
}

export async function renderPage(name, data) {
  const template = readFileBlocking(`templates/${name}.html`, 'utf8'); // expect: no-nested-event-loop
  return renderInWorker(template, data); // expect: no-nested-event-loop
}

export async function renderEmail(name, data) {
  const template = await readFileAsync(`templates/${name}.html`, 'utf8');
  (async () => { // expect: no-nested-event-loop
    await logRender(name);
  })();
  return template.replace('{{body}}', data.body);
}
