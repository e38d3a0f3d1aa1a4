import {
  createTheme,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/** The lantern: a warm amber, dark enough at 8–9 for text on white (WCAG AA). */
const lantern: MantineColorsTuple = [
  '#fff8e1',
  '#ffefc0',
  '#ffe08a',
  '#ffd054',
  '#ffc22b',
  '#f5b400',
  '#e0a100',
  '#b87a00',
  '#8a5a00',
  '#6b4400',
];

/** A neutral, slightly warm grey base with high contrast at the dark end. */
const ink: MantineColorsTuple = [
  '#f7f6f4',
  '#eceae6',
  '#d9d6d0',
  '#bdb8b0',
  '#9c968c',
  '#7a746a',
  '#5c574f',
  '#45413b',
  '#2e2b27',
  '#1c1a17',
];

/**
 * Mantine's teal and orange, with the dark end darkened so every state keeps AA contrast (≥ 4.5:1):
 * white on a filled teal-8 button ("Setujui", "Lulus", "Terbitkan") was 3.94:1, teal-9 text on a
 * light teal badge 4.32:1 and the orange seat warning (orange-9 on white) 4.29:1.
 */
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0b7a5c', '#08694f', '#075a44'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#c2410c', '#b03a0a', '#9a3412'];

const resolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  // Outline and subtle buttons in the lantern colour would put light amber text on white:
  // use the dark end of the palette for their text so it keeps AA contrast.
  if ((input.variant === 'outline' || input.variant === 'subtle') && (input.color ?? 'lantern') === 'lantern') {
    return {
      ...base,
      color: 'var(--mantine-color-lantern-9)',
      border: input.variant === 'outline' ? '1px solid var(--mantine-color-lantern-7)' : base.border,
    };
  }
  return base;
};

export const theme = createTheme({
  primaryColor: 'lantern',
  primaryShade: { light: 5, dark: 5 },
  autoContrast: true,
  luminanceThreshold: 0.35,
  colors: { lantern, ink, teal, orange },
  black: '#1c1a17',
  white: '#ffffff',
  fontFamily:
    '"Plus Jakarta Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      '"Plus Jakarta Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '700',
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  variantColorResolver: resolver,
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'md' } },
    Paper: { defaultProps: { radius: 'lg' } },
    // Sentence-case badges: long Indonesian words in capitals are hard to read on a phone.
    Badge: { defaultProps: { radius: 'sm', variant: 'light' }, styles: { root: { textTransform: 'none', letterSpacing: 0 } } },
    Anchor: { defaultProps: { c: 'lantern.9', underline: 'always' } },
  },
});

/**
 * Contrast fixes that Mantine leaves as CSS variables: "dimmed" text and links must stay
 * readable (≥ 4.5:1) on white and on the light page background.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-ink-6)',
    '--mantine-color-anchor': 'var(--mantine-color-lantern-9)',
    '--mantine-color-body': '#faf9f7',
    '--mantine-color-text': 'var(--mantine-color-ink-9)',
    '--mantine-color-default-border': 'var(--mantine-color-ink-2)',
    // Mantine's orange-9 on its light background is under 4.5:1; the "waiting" state needs AA.
    '--mantine-color-orange-light-color': '#9a3412',
    '--mantine-color-orange-text': '#9a3412',
    // Error texts under inputs: Mantine's red-6 is under 4.5:1 on white.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Filled red (danger) buttons: red-8 keeps white text above 4.5:1.
    '--mantine-color-red-filled': 'var(--mantine-color-red-8)',
    '--mantine-color-red-filled-hover': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/**
 * One colour per enrolment state, used everywhere a state is shown (always with its label
 * and icon too: colour never carries the meaning alone).
 */
export const enrolmentStatusColor = {
  REQUESTED: 'orange',
  WAITLISTED: 'grape',
  ACTIVE: 'blue',
  COMPLETED: 'teal',
  FAILED: 'red',
  REJECTED: 'pink',
  WITHDRAWN: 'gray',
} as const;

export type EnrolmentStatusKey = keyof typeof enrolmentStatusColor;
