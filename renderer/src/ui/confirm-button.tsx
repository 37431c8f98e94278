import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A destructive action in two presses: the first asks, the second does it, Cancel leaves it.
 * Inline rather than a dialog, so focus stays where the person is and the keyboard reaches both.
 */
export function ConfirmButton({ label, confirmLabel, disabled, onConfirm }: { label: string; confirmLabel: string; disabled?: boolean; onConfirm: () => void }) {
  const { t } = useTranslation('common');
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span className="confirm">
      <button type="button" className="danger" disabled={disabled} onClick={() => { setAsking(false); onConfirm(); }}>{confirmLabel}</button>
      <button type="button" onClick={() => setAsking(false)}>{t('cancel')}</button>
    </span>
  );
}
