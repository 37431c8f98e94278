import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EnrolmentResult, ProfileView } from '../../../../common/contract.js';
import { errorText } from '../../i18n/texts.js';
import { useText } from '../../i18n/use-text.js';
import { useApp } from '../../ui/store-context.js';
import { SecretOnce } from './secret-once.js';
import { PemFileField, TextField } from './wizard-fields.js';
import { CEC_BASE_URL, defaultRedirectUri, problemsOf, type FieldName } from './wizard-rules.js';
import './connect-cec.css';

type Step = 'bank' | 'credentials' | 'register' | 'activate' | 'app' | 'secret' | 'connect';
type Path = 'credentials' | 'register';
type Values = Record<FieldName, string>;

const BANK_FIELDS = ['profileId', 'baseUrl', 'redirectUri', 'certificate'] as const;
const STEP_FIELDS: Partial<Record<Step, readonly FieldName[]>> = {
  bank: BANK_FIELDS,
  credentials: ['clientId', 'clientSecret', 'qwacCertificate', 'qwacKey'],
  register: ['email', 'password', 'firstName', 'lastName', 'organization'],
  app: ['appName', 'appTitle', 'qwacCertificate', 'qwacKey'],
};

/** The QWAC for mutual TLS, when the person gave one; a certificate without its key is a problem of the key field. */
const qwacOf = (v: Values) => (v.qwacCertificate.trim() === '' ? undefined : { certificatePem: v.qwacCertificate, privateKeyPem: v.qwacKey });

/**
 * "Connect CEC Bank" (issue 10 §1): the bank's address and the eIDAS certificate, then either
 * the client id and secret the person already has, or enrolment through CEC's Dynamic Users
 * Register (register, open the activation mail, create the app, note the one-time secret); the
 * profile is saved, and the bank's login opens.
 */
export function ConnectCecScreen() {
  const { t } = useTranslation('connectCec');
  const text = useText();
  const navigate = useNavigate();
  const busy = useApp((s) => s.busy.enrolment === true || s.busy.authorize === true);
  const { saveProductionProfile, registerDeveloper, createEnrolledApp, connect } = {
    saveProductionProfile: useApp((s) => s.saveProductionProfile),
    registerDeveloper: useApp((s) => s.registerDeveloper),
    createEnrolledApp: useApp((s) => s.createEnrolledApp),
    connect: useApp((s) => s.connect),
  };
  const [step, setStep] = useState<Step>('bank');
  const [path, setPath] = useState<Path>('credentials');
  const [tried, setTried] = useState(false);
  const [values, setValues] = useState<Values>({
    profileId: 'cec', baseUrl: CEC_BASE_URL, redirectUri: defaultRedirectUri(window.location), certificate: '', clientId: '', clientSecret: '',
    qwacCertificate: '', qwacKey: '', email: '', password: '', firstName: '', lastName: '', organization: '', appName: 'Conturi', appTitle: 'Conturi',
  });
  const [mailSentTo, setMailSentTo] = useState('');
  const [enrolled, setEnrolled] = useState<EnrolmentResult | null>(null);
  const [profile, setProfile] = useState<ProfileView | null>(null);

  const fields = STEP_FIELDS[step] ?? [];
  const problems = problemsOf(Object.fromEntries(fields.map((f) => [f, values[f]])));
  if (values.qwacCertificate.trim() !== '' && values.qwacKey.trim() === '' && fields.includes('qwacKey')) problems.qwacKey = { kind: 'required' };
  const valid = Object.keys(problems).length === 0;
  const set = (name: FieldName) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const field = (name: FieldName, extra: { type?: 'text' | 'email' | 'password' | 'url'; optional?: boolean; autoComplete?: string } = {}) => (
    <TextField label={t(`field.${name}`)} hint={hintOf(name)} value={values[name]} problem={problems[name]} showProblem={tried} onChange={set(name)} {...extra} />
  );
  const pemField = (name: FieldName, optional = false) => (
    <PemFileField label={t(`field.${name}`)} hint={hintOf(name)} value={values[name]} problem={problems[name]} showProblem={tried} optional={optional} onChange={set(name)} />
  );
  function hintOf(name: FieldName): string | undefined {
    return name === 'baseUrl' || name === 'redirectUri' || name === 'certificate' || name === 'profileId' ? t(`hint.${name}`) : undefined;
  }
  const go = (next: Step) => { setTried(false); setStep(next); };
  const bank = () => ({ baseUrl: values.baseUrl.trim(), certificatePem: values.certificate, redirectUri: values.redirectUri.trim() });

  const submit = (run: () => Promise<void>) => (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (valid && !busy) void run();
  };

  const onBank = submit(async () => go(path));
  const onCredentials = submit(async () => {
    const qwac = qwacOf(values);
    const saved = await saveProductionProfile({
      id: values.profileId, ...bank(), clientId: values.clientId.trim(),
      ...(values.clientSecret === '' ? {} : { clientSecret: values.clientSecret }), ...(qwac === undefined ? {} : { qwac }),
    });
    if (saved !== null) { setProfile(saved); go('connect'); }
  });
  const onRegister = submit(async () => {
    const sentTo = await registerDeveloper({
      baseUrl: values.baseUrl.trim(), certificatePem: values.certificate, username: values.email.trim(), password: values.password,
      firstName: values.firstName, lastName: values.lastName, organization: values.organization,
    });
    if (sentTo !== null) { setMailSentTo(sentTo); go('activate'); }
  });
  const onApp = submit(async () => {
    const result = await createEnrolledApp({
      profileId: values.profileId, ...bank(), username: values.email.trim(), password: values.password,
      organization: values.organization, appName: values.appName, appTitle: values.appTitle,
    });
    if (result === null) return;
    let saved = result.profile ?? null;
    // CEC's register knows nothing of the QWAC: it joins the profile saved with the new credentials.
    const qwac = qwacOf(values);
    if (saved !== null && qwac !== undefined) {
      saved = await saveProductionProfile({ id: values.profileId, ...bank(), clientId: result.clientId, clientSecret: result.clientSecret, qwac });
    }
    setEnrolled(result);
    setProfile(saved);
    go('secret');
  });
  const onConnect = () => {
    // Straight from the click: in browser mode the bank's page opens in a popup, which needs the gesture.
    if (profile !== null) void connect(profile.id, t('connectionLabel')).then((ok) => { if (ok) void navigate('/'); });
  };

  return (
    <div className="connect-cec-screen">
      <h1>{t('heading')}</h1>
      <p className="hint">{t('intro')}</p>
      <ol className="wizard-steps" aria-label={t('stepsLabel')}>
        {(['bank', path === 'credentials' ? 'credentials' : 'register', 'connect'] as const).map((s) => (
          <li key={s} aria-current={stepGroup(step) === s ? 'step' : undefined}>{t(`steps.${s}`)}</li>
        ))}
      </ol>

      {step === 'bank' && (
        <form className="panel wizard-form" onSubmit={onBank} noValidate>
          {field('profileId')}
          {field('baseUrl', { type: 'url' })}
          {pemField('certificate')}
          {field('redirectUri', { type: 'url' })}
          <fieldset>
            <legend>{t('pathLegend')}</legend>
            <label className="radio"><input type="radio" name="path" checked={path === 'credentials'} onChange={() => setPath('credentials')} />{t('path.credentials')}</label>
            <label className="radio"><input type="radio" name="path" checked={path === 'register'} onChange={() => setPath('register')} />{t('path.register')}</label>
          </fieldset>
          <button type="submit" className="primary">{t('next')}</button>
        </form>
      )}

      {step === 'credentials' && (
        <form className="panel wizard-form" onSubmit={onCredentials} noValidate>
          {field('clientId')}
          {field('clientSecret', { type: 'password', optional: true })}
          {pemField('qwacCertificate', true)}
          {pemField('qwacKey', true)}
          <div className="wizard-actions">
            <button type="button" onClick={() => go('bank')}>{t('back')}</button>
            <button type="submit" className="primary" disabled={busy}>{t('saveProfile')}</button>
          </div>
        </form>
      )}

      {step === 'register' && (
        <form className="panel wizard-form" onSubmit={onRegister} noValidate>
          <p className="hint">{t('registerIntro')}</p>
          {field('email', { type: 'email', autoComplete: 'email' })}
          {field('password', { type: 'password', autoComplete: 'new-password' })}
          {field('firstName', { autoComplete: 'given-name' })}
          {field('lastName', { autoComplete: 'family-name' })}
          {field('organization', { autoComplete: 'organization' })}
          <div className="wizard-actions">
            <button type="button" onClick={() => go('bank')}>{t('back')}</button>
            <button type="submit" className="primary" disabled={busy}>{t('register')}</button>
          </div>
        </form>
      )}

      {step === 'activate' && (
        <div className="panel wizard-form">
          <p role="status">{t('activationSent', { email: mailSentTo })}</p>
          <p className="hint">{t('activationThen')}</p>
          <button type="button" className="primary" onClick={() => go('app')}>{t('activated')}</button>
        </div>
      )}

      {step === 'app' && (
        <form className="panel wizard-form" onSubmit={onApp} noValidate>
          {field('appName')}
          {field('appTitle')}
          {pemField('qwacCertificate', true)}
          {pemField('qwacKey', true)}
          <div className="wizard-actions">
            <button type="button" onClick={() => go('activate')}>{t('back')}</button>
            <button type="submit" className="primary" disabled={busy}>{t('createApp')}</button>
          </div>
        </form>
      )}

      {step === 'secret' && enrolled !== null && (
        <div className="panel wizard-form">
          {enrolled.problem !== undefined && <p className="field-problem" role="alert">{t('notSaved', { why: errorText(text, enrolled.problem) })}</p>}
          <SecretOnce clientId={enrolled.clientId} clientSecret={enrolled.clientSecret} secretStored={enrolled.secretStored}
            onContinue={() => { setEnrolled(null); go('connect'); }} />
        </div>
      )}

      {step === 'connect' && (
        <div className="panel wizard-form">
          {profile === null ? <p className="field-problem">{t('noProfile')}</p> : (
            <>
              <p role="status">{t('saved', { name: profile.displayName })}</p>
              <button type="button" className="primary" disabled={busy} onClick={onConnect}>{t('connect')}</button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** Which of the three headline steps a step belongs to. */
function stepGroup(step: Step): 'bank' | 'credentials' | 'register' | 'connect' {
  if (step === 'bank' || step === 'connect' || step === 'credentials') return step;
  return step === 'secret' ? 'connect' : 'register';
}
