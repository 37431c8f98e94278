import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from './wizard-rules.js';

/** A problem in words: what is wrong and what to type. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation('connectCec');
  return (problem) => {
    switch (problem.kind) {
      case 'tooShort': return t('problem.tooShort', { count: problem.min });
      case 'tooLong': return t('problem.tooLong', { count: problem.max });
      case 'password': return t('problem.password', { count: problem.min });
      default: return t(`problem.${problem.kind}`);
    }
  };
}

interface FieldProps {
  label: string;
  hint?: string;
  value: string;
  problem: Problem | undefined;
  /** Problems show once the person has typed here, or tried to go on. */
  showProblem: boolean;
  optional?: boolean;
}

/** A text input whose problem is shown under it as it is typed, and read with it. */
export function TextField({ label, hint, value, problem, showProblem, optional, type = 'text', autoComplete, onChange }: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'url'; autoComplete?: string; onChange: (value: string) => void;
}) {
  const { t } = useTranslation('connectCec');
  const problemText = useProblemText();
  const [touched, setTouched] = useState(false);
  const id = useId();
  const messageId = useId();
  const hintId = useId();
  const shown = (touched || showProblem) && problem !== undefined;
  return (
    <div className="field wizard-field">
      <label htmlFor={id}>{label}{optional === true && <span className="hint"> {t('optional')}</span>}</label>
      {hint !== undefined && <p id={hintId} className="hint">{hint}</p>}
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={false}
        aria-invalid={shown}
        aria-describedby={[hint === undefined ? '' : hintId, shown ? messageId : ''].filter((x) => x !== '').join(' ') || undefined}
        onChange={(e) => { setTouched(true); onChange(e.target.value); }}
      />
      {shown && <p id={messageId} className="field-problem" role="alert">{problemText(problem)}</p>}
    </div>
  );
}

/**
 * A PEM file chosen from disk and read as text here; only its contents travel, to the host,
 * which keeps a certificate in the profile and a private key in the keychain.
 */
export function PemFileField({ label, hint, value, problem, showProblem, optional, onChange }: FieldProps & { onChange: (value: string) => void }) {
  const { t } = useTranslation('connectCec');
  const problemText = useProblemText();
  const [fileName, setFileName] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const id = useId();
  const messageId = useId();
  const hintId = useId();
  const shown = (touched || showProblem) && problem !== undefined;
  return (
    <div className="field wizard-field">
      <label htmlFor={id}>{label}{optional === true && <span className="hint"> {t('optional')}</span>}</label>
      {hint !== undefined && <p id={hintId} className="hint">{hint}</p>}
      <input
        id={id}
        type="file"
        accept=".pem,.crt,.cer,.key,application/x-pem-file,text/plain"
        aria-invalid={shown}
        aria-describedby={[hint === undefined ? '' : hintId, shown ? messageId : ''].filter((x) => x !== '').join(' ') || undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setTouched(true);
          if (file === undefined) { setFileName(null); onChange(''); return; }
          setFileName(file.name);
          void file.text().then(onChange, () => onChange(''));
        }}
      />
      {fileName !== null && value !== '' && problem === undefined && <p className="field-ok">{t('fileRead', { name: fileName })}</p>}
      {shown && <p id={messageId} className="field-problem" role="alert">{problemText(problem)}</p>}
    </div>
  );
}
