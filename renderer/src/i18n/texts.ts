import type { TFunction } from 'i18next';
import type { Namespace } from './resources.js';
import type { Connection } from '../../../common/domain.js';
import type { AppError } from '../../../common/result.js';
import { formatClock } from '../format/date.js';
import type { AccountSyncLine } from '../store/sync-slice.js';

/**
 * The texts built from more than one key: the state of a connection, a failure with what to do
 * next, a sync line. Each takes the `t` of the language shown and the locale its times use.
 */

export interface TextContext {
  t: TFunction<Namespace[]>;
  locale: string;
  now?: Date;
}

/** The Berlin Group balance type in words; an unknown type is shown as the bank named it. */
export function balanceLabel({ t }: TextContext, type: string): string {
  return t(`balance.${type}` as 'balance.closingBooked', { defaultValue: type });
}

export function statusText({ t }: TextContext, c: Pick<Connection, 'status' | 'daysLeft'>): string {
  switch (c.status) {
    case 'expiring':
      if (c.daysLeft === undefined) return t('connections:status.expiring');
      if (c.daysLeft === 0) return t('connections:status.expiringToday');
      return t('connections:status.expiringIn', { days: t('connections:days', { count: c.daysLeft }) });
    default:
      return t(`connections:status.${c.status}`);
  }
}

/** When the bank said to try again, in words; undefined when it did not say. */
function retryText({ t, locale, now = new Date() }: TextContext, retryAfter: AppError['retryAfter']): string | undefined {
  if (retryAfter === undefined) return undefined;
  if (typeof retryAfter === 'number' && retryAfter <= 90) return t('errors:retryInSeconds', { count: retryAfter });
  const at = typeof retryAfter === 'number' ? new Date(now.getTime() + retryAfter * 1000) : new Date(retryAfter);
  return Number.isNaN(at.getTime()) ? undefined : t('errors:retryAfter', { time: formatClock(at, now, locale) });
}

/** The sentence that says what happened, then when to try again and the bank's reference. */
function withDetails(ctx: TextContext, sentence: string, error: AppError, otherwise?: string): string {
  const when = retryText(ctx, error.retryAfter) ?? otherwise;
  const reference = error.requestId === undefined ? undefined : ctx.t('errors:reference', { id: error.requestId });
  return [sentence, when, reference].filter((part) => part !== undefined).join(' ');
}

/** Any failure, by its state (decided in core); the generic one keeps the code and detail. */
export function errorText(ctx: TextContext, error: AppError): string {
  const { t } = ctx;
  switch (error.state) {
    case 'rate-limited': return withDetails(ctx, t('errors:state.rate-limited'), error, t('errors:retryLater'));
    case 'offline': return withDetails(ctx, t('errors:state.offline'), error, t('errors:checkInternetRetry'));
    case 'misconfigured': return withDetails(ctx, t('errors:misconfigured'), error);
    case 'invalid-input': return withDetails(ctx, t('errors:state.invalid-input', { message: error.message }), error);
    case 'failed': return withDetails(ctx, t('errors:state.failed', { code: error.code, message: error.message }), error);
    case 'reauth-required':
    case 'consent-expired':
      return withDetails(ctx, t(`errors:state.${error.state}`), error);
    case 'sca-cancelled':
    case 'keychain-unavailable':
    case 'app-unreachable':
    case 'app-refused':
    case 'popup-blocked':
      return t(`errors:state.${error.state}`);
  }
}

/** Why a connection's accounts could not be read, and what the person can do. */
export function failureText(ctx: TextContext, error: AppError): string {
  const { t } = ctx;
  switch (error.state) {
    case 'reauth-required':
    case 'consent-expired':
      return withDetails(ctx, t(`errors:failure.${error.state}`), error);
    case 'offline': return withDetails(ctx, t('errors:state.offline'), error, t('errors:checkInternet'));
    case 'failed': return withDetails(ctx, t('errors:failure.failed'), error);
    default: return errorText(ctx, error);
  }
}

/** One account's line while a run goes: "pagina 3", "142 noi", "amânat până la 18:00", or why it failed. */
export function syncLineText(ctx: TextContext, line: AccountSyncLine): string {
  const { t, locale, now = new Date() } = ctx;
  switch (line.phase) {
    case 'queued': return t('sync:queued');
    case 'reading': return t('sync:page', { page: line.page ?? 1 });
    case 'done': return (line.stored ?? 0) === 0 ? t('sync:nothingNew') : t('sync:new', { count: line.stored ?? 0 });
    case 'deferred':
      return line.nextAttemptAt === undefined ? t('sync:deferred') : t('sync:deferredUntil', { time: formatClock(new Date(line.nextAttemptAt), now, locale) });
    case 'failed': {
      const message = line.message ?? '';
      // A generic failure says only what core said; a known state says it in the person's language.
      return line.state === undefined || line.state === 'failed' ? message : errorText(ctx, { code: 'SYNC', state: line.state, message, retryable: false });
    }
  }
}

/** The auto-sync interval in words: "oprită", "la fiecare oră", "la fiecare 6 ore", "la fiecare 24 de ore". */
export const autoSyncHoursText = ({ t }: TextContext, hours: number): string =>
  hours <= 0 ? t('settings:autoSyncOff') : t('settings:autoSyncEvery', { count: hours });
