/**
 * Keyboard shortcuts for the frequent moves, and the "?" overlay that lists them. Keys typed into
 * a field are the field's: shortcuts act only when no input has the focus.
 */
import { useEffect, useRef, useState } from 'react';

export const SHORTCUTS: ReadonlyArray<readonly [keys: string, what: string, to?: string]> = [
  ['g d', 'Dashboard', '/dashboard'],
  ['g t', 'Triage queue', '/triage'],
  ['g i', 'Incidents', '/incidents'],
  ['g o', 'Open incidents', '/incidents?open=true'],
  ['g s', 'Search', '/search'],
  ['/', 'Search', '/search'],
  ['?', 'This list of shortcuts'],
];

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Listens for the shortcuts; ALLOWED says which paths this user may go to. */
export function useShortcuts(navigate: (to: string) => void, allowed: (path: string) => boolean): [boolean, (open: boolean) => void] {
  const [help, setHelp] = useState(false);
  // The listener stays the same across renders (a half-typed "g d" survives one); these follow them.
  const current = useRef({ navigate, allowed });
  current.current = { navigate, allowed };
  useEffect(() => {
    let pending = '';
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const keys = pending ? `${pending} ${event.key}` : event.key;
      pending = '';
      if (keys === '?') return void setHelp(true);
      if (keys === 'g') return void (pending = 'g');
      const shortcut = SHORTCUTS.find(([k, , to]) => k === keys && to && current.current.allowed(to.split('?')[0]!));
      if (!shortcut) return;
      event.preventDefault();
      current.current.navigate(shortcut[2]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [help, setHelp];
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  {keys.split(' ').map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Tab and Shift+Tab move between links and fields; Enter follows a link or sends a form; the arrow keys move between tabs.
        </p>
        <button type="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
