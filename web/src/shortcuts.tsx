/**
 * Keyboard shortcuts for the frequent moves, and the "?" overlay that lists them. Keys typed into
 * a field are the field's: shortcuts act only when no input has the focus.
 */
import { Button, Kbd, Modal, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT, type Translate } from './i18n';

export const SHORTCUTS: ReadonlyArray<readonly [keys: string, to?: string]> = [
  ['g d', '/dashboard'],
  ['g t', '/triage'],
  ['g i', '/incidents'],
  ['g o', '/incidents?open=true'],
  ['g s', '/search'],
  ['/', '/search'],
  ['?'],
];

/** What each shortcut does, in the reader's language. */
function described(t: Translate): Record<string, string> {
  return {
    'g d': t('Dashboard'),
    'g t': t('Triage queue'),
    'g i': t('Incidents'),
    'g o': t('Open incidents'),
    'g s': t('Search'),
    '/': t('Search'),
    '?': t('This list of shortcuts'),
  };
}

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
      const shortcut = SHORTCUTS.find(([k, to]) => k === keys && to && current.current.allowed(to.split('?')[0]!));
      if (!shortcut) return;
      event.preventDefault();
      current.current.navigate(shortcut[1]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [help, setHelp];
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  const what = described(t);
  return (
    <Modal opened onClose={onClose} title={t('Keyboard shortcuts')} withCloseButton={false}>
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys]) => (
            <Table.Tr key={keys}>
              <Table.Td>
                {keys.split(' ').map((k) => (
                  <Kbd key={k} mr={4}>
                    {k}
                  </Kbd>
                ))}
              </Table.Td>
              <Table.Td>{what[keys]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" my="sm">
        {t('Tab and Shift+Tab move between links and fields; Enter follows a link or sends a form; the arrow keys move between tabs.')}
      </Text>
      <Button onClick={onClose} data-autofocus>
        {t('Close')}
      </Button>
    </Modal>
  );
}
