/*
 * Small hand-written SVG charts of a programme's evidence (no chart library: a few shapes each). Every chart has a
 * text alternative (role="img" with a label saying the numbers) and labels its values, so nothing is told by colour
 * alone; the accent follows the theme's amber.
 */

const ACCENT = 'var(--mantine-color-yellow-7)';
const TRACK = 'var(--mantine-color-gray-2)';
const INK = 'var(--mantine-color-text)';

/** One bar per ended cohort: its completion rate (0–1), oldest first. */
export function CohortBars({ values, labels, label, height = 40, width = 120 }: { values: (number | null)[]; labels?: string[]; label: string; height?: number; width?: number }) {
  const n = Math.max(values.length, 1);
  const gap = 3;
  const barWidth = Math.max(3, (width - gap * (n - 1)) / n);
  const labelled = !!labels && values.length <= 8;
  const chartHeight = labelled ? height - 12 : height;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ display: 'block', maxWidth: '100%' }}>
      {values.map((v, i) => {
        const h = v == null ? 0 : Math.max(1, v * chartHeight);
        const x = i * (barWidth + gap);
        return (
          <g key={i}>
            <rect x={x} y={0} width={barWidth} height={chartHeight} fill={TRACK} rx={2} />
            <rect x={x} y={chartHeight - h} width={barWidth} height={h} fill={ACCENT} rx={2} />
            {labelled && (
              <text x={x + barWidth / 2} y={height - 1} fontSize={9} textAnchor="middle" fill={INK}>
                {labels[i]}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** A horizontal meter: value of max (a completion rate of 1, a rating of 5). */
export function Meter({ value, max, label, width = 120 }: { value: number | null; max: number; label: string; width?: number }) {
  const w = value == null ? 0 : Math.min(1, Math.max(0, value / max)) * width;
  return (
    <svg role="img" aria-label={label} width={width} height={8} viewBox={`0 0 ${width} 8`} style={{ display: 'block', maxWidth: '100%' }}>
      <rect x={0} y={0} width={width} height={8} rx={4} fill={TRACK} />
      <rect x={0} y={0} width={w} height={8} rx={4} fill={ACCENT} />
    </svg>
  );
}
