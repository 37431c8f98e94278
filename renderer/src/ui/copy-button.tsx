import { useEffect, useRef, useState } from 'react';

/**
 * Copies `text` to the clipboard and says so in a live region beside the button ("IBAN copiat"),
 * so a screen reader hears it too; the note fades after a few seconds. A refused clipboard
 * (a denied permission) says so instead of failing silently.
 */
export function CopyButton({ text, label, copied, failed }: { text: string; label: string; copied: string; failed: string }) {
  const [note, setNote] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
      setNote(copied);
    } catch {
      setNote(failed);
    }
    timer.current = setTimeout(() => setNote(''), 4000);
  };
  return (
    <span className="copy">
      <button type="button" onClick={() => void copy()}>{label}</button>
      <span role="status" className="meta copy-note">{note}</span>
    </span>
  );
}
