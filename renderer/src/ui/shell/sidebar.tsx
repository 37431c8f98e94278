import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { CommandPalette } from '../command-palette.js';
import { NAV_ITEMS } from '../routes.js';

/** The screens, always in reach: a landmark with one link each, the current one marked for screen readers too. */
export function Sidebar() {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <p className="brand">{t('appTitle')}</p>
      <ul role="list">
        {NAV_ITEMS.map((item) => (
          <li key={item.path}>
            <NavLink to={item.path} end={item.path === '/'} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
      <CommandPalette />
    </nav>
  );
}
