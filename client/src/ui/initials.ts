/** Academic and religious titles that are not part of a name's initials ("Dr. Ir. Rina K." → "RK"). */
const TITLES = /^(dr|drs|dra|ir|prof|h|hj|kh|apt|ns|st|se|sh|mm|mt|msi|mpd|spd)\.?$/i;

export function initials(fullName: string): string {
  const words = fullName
    .split(',')[0]
    .split(/\s+/)
    .filter((w) => w && !TITLES.test(w.replace(/\.$/, '')) && !TITLES.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('');
}
