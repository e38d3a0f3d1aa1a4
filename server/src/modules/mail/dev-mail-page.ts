import { Router } from 'express';
import type { CaughtMail, MailCatcher } from './catcher.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The text with its http(s) links clickable (escaped first, so a mail cannot inject markup). */
function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

function mailHtml(mail: CaughtMail): string {
  return `<article>
<h2>${escapeHtml(mail.subject)}</h2>
<dl><dt>Kepada / To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd><dt>Dari / From</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>Diterima / Received</dt><dd>${mail.receivedAt.toISOString()}</dd><dt>Bahasa / Language</dt><dd>${escapeHtml(mail.language ?? '-')}</dd></dl>
<pre>${linkify(mail.text)}</pre>
</article>`;
}

/**
 * /dev/mail: what the development mail catcher received, newest first (and /dev/mail.json). Mounted only
 * outside production, and only when the catcher runs (no SMTP_URL).
 */
export function devMailRouter(catcher: MailCatcher): Router {
  const router = Router();
  router.get('/dev/mail.json', (_req, res) => {
    res.json([...catcher.messages].reverse());
  });
  router.get('/dev/mail', (_req, res) => {
    const mails = [...catcher.messages].reverse();
    res.type('html').send(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kotak surat pengembangan · Lentera</title>
<style>body{font-family:system-ui,sans-serif;max-width:760px;margin:0 auto;padding:16px;line-height:1.5;color:#1f2328}
article{border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin:16px 0}h2{font-size:1.1rem;margin:0 0 8px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px;font-size:.9rem}dt{color:#57606a}dd{margin:0}
pre{white-space:pre-wrap;word-break:break-word;font-family:inherit;margin:0}a{color:#0a58ca}</style></head>
<body><main><h1>Kotak surat pengembangan / Development mailbox</h1>
<p>E-mail yang dikirim Lentera tanpa SMTP_URL ditangkap di sini (SMTP 127.0.0.1:${catcher.port}). Hanya ada di pengembangan. /
Mail Lentera sends without SMTP_URL is caught here. Development only.</p>
${mails.length ? mails.map(mailHtml).join('\n') : '<p>Belum ada e-mail. / No mail yet.</p>'}
</main></body></html>`);
  });
  return router;
}
