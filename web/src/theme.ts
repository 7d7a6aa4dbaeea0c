/**
 * The look: Mantine's theme, with colours dark enough for text on them to pass WCAG AA (axe checks
 * it in the browser tests), and light or dark as the user chose (kept in this browser by Mantine),
 * else as the system prefers.
 */
import { createTheme, useComputedColorScheme, useMantineColorScheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  fontFamily: 'system-ui, sans-serif',
  primaryColor: 'blue',
  // Shade 8: white text on it is 4.9:1, in both themes (Mantine's default shade 6 is 3.5:1).
  primaryShade: 8,
  defaultRadius: 'sm',
  // A work screen, not a magazine: headings a step smaller than Mantine's, so a list starts higher.
  headings: {
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.3' },
      h2: { fontSize: '1.35rem', lineHeight: '1.35' },
      h3: { fontSize: '1.1rem', lineHeight: '1.4' },
    },
  },
});

/** Mantine's dimmed grey is 3.3:1 on white: too faint for text, so one shade darker (and lighter on dark). */
export const cssVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] },
});

export type Theme = 'light' | 'dark';

/** The theme now shown and the toggle between light and dark; the choice outlives the session. */
export function useTheme(): [Theme, () => void] {
  const { setColorScheme } = useMantineColorScheme();
  const shown = useComputedColorScheme('light');
  return [shown, () => setColorScheme(shown === 'dark' ? 'light' : 'dark')];
}
