/**
 * Light or dark: the user's choice (kept in this browser), else the system's. Applied as
 * data-theme on <html>, which the stylesheet's colour variables follow.
 */
import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'vakt-theme';
const system = () => window.matchMedia('(prefers-color-scheme: dark)');

function chosen(): Theme | null {
  const value = window.localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => chosen() ?? (system().matches ? 'dark' : 'light'));
  useEffect(() => apply(theme), [theme]);
  useEffect(() => {
    // Without a choice of their own, the page follows the system as it changes.
    const follow = (event: MediaQueryListEvent) => chosen() === null && setTheme(event.matches ? 'dark' : 'light');
    const query = system();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const toggle = () =>
    setTheme((current) => {
      const next = current === 'dark' ? 'light' : 'dark';
      window.localStorage.setItem(KEY, next);
      return next;
    });
  return [theme, toggle];
}
