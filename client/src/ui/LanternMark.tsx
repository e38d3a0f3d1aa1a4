/** The Lentera lantern, drawn inline so the shell needs no image request. */
export function LanternMark({ size = 32, title }: { size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <rect width="32" height="32" rx="8" fill="#1c1a17" />
      <path d="M12 7h8M14 7v3M18 7v3" stroke="#f5b400" strokeWidth="2" strokeLinecap="round" />
      <path d="M10.5 12.5c0-1.1.9-2 2-2h7c1.1 0 2 .9 2 2V22c0 1.1-.9 2-2 2h-7c-1.1 0-2-.9-2-2z" fill="#f5b400" />
      <path d="M16 14c1.6 1.6 2 3 2 4a2 2 0 0 1-4 0c0-1 .4-2.4 2-4z" fill="#fff8e1" />
      <path d="M12 26h8" stroke="#f5b400" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
