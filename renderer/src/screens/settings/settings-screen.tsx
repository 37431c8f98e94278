import { SettingsPanel } from '../../ui/settings-panel.js';

export function SettingsScreen() {
  return <SettingsPanel />;
}
