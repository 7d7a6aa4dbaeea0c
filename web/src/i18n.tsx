/**
 * The interface's words in the user's language. The English text is its own key: a page calls
 * t('Log out') and gets "Logga ut" in Swedish. A test checks that every text a page asks for has
 * its Swedish, so a translated page is never half Swedish.
 */
import { createContext, useContext } from 'react';
import { SV } from './locales/sv';

export const LANGUAGES = [
  ['en', 'English'],
  ['sv', 'Svenska'],
] as const;
export type Language = (typeof LANGUAGES)[number][0];

const LanguageContext = createContext<Language>('en');
export const LanguageProvider = LanguageContext.Provider;

export type Translate = (text: string, values?: Record<string, string | number>) => string;

/** TEXT in LANGUAGE, with {name} replaced by VALUES.name. */
export function translate(language: Language, text: string, values?: Record<string, string | number>): string {
  const template = language === 'sv' ? (SV[text] ?? text) : text;
  return values ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : template;
}

export function useT(): Translate {
  const language = useLanguage();
  return (text, values) => translate(language, text, values);
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** The name of a weekday ('monday' … 'sunday') in LANGUAGE, from the browser's own calendar data. */
export function weekdayName(day: string, language: Language): string {
  const index = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(day);
  // 2024-01-01 was a Monday.
  return index < 0 ? day : new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));
}

/** Before login: the browser's language, where the interface speaks it. */
export function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
