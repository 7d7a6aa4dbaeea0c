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
  const language = useContext(LanguageContext);
  return (text, values) => translate(language, text, values);
}

/** Before login: the browser's language, where the interface speaks it. */
export function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
