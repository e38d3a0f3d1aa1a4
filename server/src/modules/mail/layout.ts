import type { Locale } from '../../shared/i18n/messages.js';
import type { OutgoingMail } from './mailer.js';

/** What a template says; layout() turns it into a plain-text and a simple HTML body. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Said after the button, e.g. how long a link works or what to do if the mail was not expected. */
  after?: string[];
}

const SIGNATURE: Record<Locale, string> = {
  id: 'Salam,\nLentera — Platform Pengembangan Kompetensi ASN',
  en: 'Regards,\nLentera — the civil service learning platform',
};

const FOOTER: Record<Locale, string> = {
  id: 'E-mail ini dikirim otomatis; balasan ke alamat ini tidak dibaca.',
  en: 'This e-mail was sent automatically; replies to this address are not read.',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Text first (many government mail clients show it), HTML with the same words, no images or remote content. */
export function layout(to: string, locale: Locale, content: MailContent): OutgoingMail {
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    ...(content.after ?? []),
    SIGNATURE[locale],
    `--\n${FOOTER[locale]}`,
  ].join('\n\n');
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f4ef;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
${p(content.greeting)}
${content.paragraphs.map(p).join('\n')}
${content.action ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#8a4b08;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#57606a">${escapeHtml(content.action.url)}</p>` : ''}
${(content.after ?? []).map(p).join('\n')}
${p(SIGNATURE[locale])}
<p style="margin:24px 0 0;font-size:13px;color:#57606a">${escapeHtml(FOOTER[locale])}</p>
</div></body></html>`;
  return { to, locale, subject: content.subject, text, html };
}
