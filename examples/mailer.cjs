// Outgoing mail, an older CommonJS module the service still loads with require().
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const path = require('node:path');

const outbox = process.env.OUTBOX_DIR || path.join(__dirname, 'outbox');

function deliver(message) {
  return new Promise((resolve, reject) => {
    const sendmail = spawn('sendmail', ['-t']);
    sendmail.on('error', reject);
    sendmail.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sendmail exited with ${code}`))));
    sendmail.stdin.end(message);
  });
}

async function sendReceipt(to, subject) {
  const message = `To: ${to}\nSubject: ${subject}\n\nThanks for signing up.\n`;
  fs.mkdirSync(outbox, { recursive: true }); // one mkdir: priced as a stat, not reported alone
  fs.writeFileSync(path.join(outbox, `${Date.now()}.eml`), message); // expect: no-blocking-in-async
  await deliver(message);
}

async function flushOutbox() {
  const files = await fs.promises.readdir(outbox);
  for (const file of files) {
    const message = await fs.promises.readFile(path.join(outbox, file), 'utf8');
    await deliver(message);
    await fs.promises.unlink(path.join(outbox, file));
  }
}

module.exports = { sendReceipt, flushOutbox };
