import { Command, defaultFilter } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Settings } from '../../../common/contract.js';
import { useText } from '../i18n/use-text.js';
import { selectSyncing } from '../store/sync-slice.js';
import { accountNumber, accountPath, accountTitle } from './account-name.js';
import { NAV_ITEMS } from './routes.js';
import { useApp, useAppList, usePick } from './store-context.js';
import './command-palette.css';

/** Letters without their marks: "tranzactii" finds "Tranzacții", as people type without diacritics. */
const bare = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** cmdk's ranking, on the words as typed and as bare letters alike. */
export const paletteFilter = (value: string, search: string, keywords?: string[]): number =>
  defaultFilter(bare(value), bare(search), keywords?.map(bare));

/** Ctrl+K on Linux and Windows, Cmd+K on a Mac: the palette's key everywhere in the app. */
export const isPaletteKey = (e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean =>
  e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey;

/**
 * The command palette: every screen, every account and the app's actions by name, from the
 * keyboard. A native modal `<dialog>` holds cmdk's list (cmdk's own dialog injects a style
 * element, which the CSP refuses): the browser traps focus in it, Escape closes it, and focus
 * goes back where it was.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  // The browser asks only from the person's own gesture: choosing this command is one.
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const accounts = useAppList((s) => s.accounts);
  const syncing = useApp(selectSyncing);
  const { runSync, setPreference } = usePick('runSync', 'setPreference');
  const text = useText();
  const { t } = useTranslation(['palette', 'common']);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPaletteKey(e)) return;
      e.preventDefault();
      setOpen((was) => !was);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) {
      d.showModal();
      // showModal focuses the first focusable element, cmdk's root (tabindex -1): the person types into the input.
      d.querySelector('input')?.focus();
    }
    if (!open && d.open) d.close();
    if (!open) setSearch('');
  }, [open]);

  /** Closes first, so focus is back on the page before the command moves it. */
  const run = (command: () => void) => () => {
    setOpen(false);
    command();
  };
  const prefer = (patch: Partial<Pick<Settings, 'theme' | 'language'>>) => run(() => void setPreference(patch));

  return (
    <>
      <button type="button" className="palette-button" aria-haspopup="dialog" aria-keyshortcuts="Control+K Meta+K" onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      <dialog ref={dialog} className="palette" aria-label={t('label')} onClose={() => setOpen(false)}>
        {open && (
          <Command label={t('label')} filter={paletteFilter} loop>
            <Command.Input value={search} onValueChange={setSearch} placeholder={t('placeholder')} aria-label={t('placeholder')} />
            <Command.List label={t('label')}>
              <Command.Empty>{t('empty')}</Command.Empty>
              <Command.Group heading={t('screens')}>
                {NAV_ITEMS.map((item) => {
                  const name = t(`common:${item.label}`);
                  return (
                    <Command.Item key={item.path} value={`screen ${item.path} ${name}`} keywords={[name]} onSelect={run(() => void navigate(item.path))}>
                      {name}
                    </Command.Item>
                  );
                })}
              </Command.Group>
              {accounts.length > 0 && (
                <Command.Group heading={t('accounts')}>
                  {accounts.map((a) => {
                    const name = `${accountTitle(text, a)} ${accountNumber(a)}`;
                    return (
                      <Command.Item key={`${a.connectionId}/${a.id}`} value={`account ${a.connectionId} ${a.id} ${name}`} keywords={[name, a.iban ?? '']} onSelect={run(() => void navigate(accountPath(a.id)))}>
                        {name}
                      </Command.Item>
                    );
                  })}
                </Command.Group>
              )}
              <Command.Group heading={t('actions')}>
                <Command.Item value={`action sync ${t('sync')}`} disabled={syncing} onSelect={run(() => void runSync())}>{t('sync')}</Command.Item>
                <Command.Item value={`action connect ${t('connect')}`} onSelect={run(() => void navigate('/connections'))}>{t('connect')}</Command.Item>
                <Command.Item value={`action theme-light ${t('themeLight')}`} onSelect={prefer({ theme: 'light' })}>{t('themeLight')}</Command.Item>
                <Command.Item value={`action theme-dark ${t('themeDark')}`} onSelect={prefer({ theme: 'dark' })}>{t('themeDark')}</Command.Item>
                <Command.Item value={`action theme-system ${t('themeSystem')}`} onSelect={prefer({ theme: 'system' })}>{t('themeSystem')}</Command.Item>
                <Command.Item value={`action language-ro ${t('languageRo')}`} onSelect={prefer({ language: 'ro' })}>{t('languageRo')}</Command.Item>
                <Command.Item value={`action language-en ${t('languageEn')}`} onSelect={prefer({ language: 'en' })}>{t('languageEn')}</Command.Item>
                {permission === 'default' && (
                  <Command.Item value={`action notifications ${t('notifications')}`} onSelect={run(() => void Notification.requestPermission().then(setPermission))}>{t('notifications')}</Command.Item>
                )}
              </Command.Group>
            </Command.List>
          </Command>
        )}
      </dialog>
    </>
  );
}
