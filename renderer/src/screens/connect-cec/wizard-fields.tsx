import { useId, useState, type ReactNode } from 'react';
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

/** What ties an input to its label, its hint and its problem, and marks it as changed by the person. */
interface FieldWiring {
  input: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };
  touch: () => void;
}

/** One field's label, hint and problem around the input it is given, so every field of the wizard reads alike. */
function Field({ label, hint, problem, showProblem, optional, children }: Omit<FieldProps, 'value'> & { children: (wiring: FieldWiring) => ReactNode }) {
  const { t } = useTranslation('connectCec');
  const problemText = useProblemText();
  const [touched, setTouched] = useState(false);
  const id = useId();
  const messageId = useId();
  const hintId = useId();
  const shown = (touched || showProblem) && problem !== undefined;
  const describedBy = [hint === undefined ? '' : hintId, shown ? messageId : ''].filter((x) => x !== '').join(' ') || undefined;
  return (
    <div className="field wizard-field">
      <label htmlFor={id}>{label}{optional === true && <span className="hint"> {t('optional')}</span>}</label>
      {hint !== undefined && <p id={hintId} className="hint">{hint}</p>}
      {children({ input: { id, 'aria-invalid': shown, 'aria-describedby': describedBy }, touch: () => setTouched(true) })}
      {shown && <p id={messageId} className="field-problem" role="alert">{problemText(problem)}</p>}
    </div>
  );
}

/** A text input whose problem is shown under it as it is typed, and read with it. */
export function TextField({ value, type = 'text', autoComplete, onChange, ...field }: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'url'; autoComplete?: string; onChange: (value: string) => void;
}) {
  return (
    <Field {...field}>
      {({ input, touch }) => (
        <input
          {...input}
          type={type}
          value={value}
          autoComplete={autoComplete ?? 'off'}
          spellCheck={false}
          onChange={(e) => { touch(); onChange(e.target.value); }}
        />
      )}
    </Field>
  );
}

/**
 * A PEM file chosen from disk and read as text here; only its contents travel, to the host,
 * which keeps a certificate in the profile and a private key in the keychain.
 */
export function PemFileField({ value, onChange, ...field }: FieldProps & { onChange: (value: string) => void }) {
  const { t } = useTranslation('connectCec');
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <Field {...field}>
      {({ input, touch }) => (
        <>
          <input
            {...input}
            type="file"
            accept=".pem,.crt,.cer,.key,application/x-pem-file,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              touch();
              if (file === undefined) { setFileName(null); onChange(''); return; }
              setFileName(file.name);
              void file.text().then(onChange, () => onChange(''));
            }}
          />
          {fileName !== null && value !== '' && field.problem === undefined && <p className="field-ok">{t('fileRead', { name: fileName })}</p>}
        </>
      )}
    </Field>
  );
}
