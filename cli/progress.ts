import type { SyncProgress } from '../common/index.js';
import type { Io } from './output.js';

export interface ProgressView {
  show(progress: SyncProgress): void;
  /** Clears the bar, so what follows starts on a clean line. */
  end(): void;
}

const BAR_WIDTH = 24;

/** What one event says, as a plain line: one account's step. */
function plainLine(p: SyncProgress): string | undefined {
  const where = `sync: [${p.done}/${p.total}] ${p.accountId}`;
  switch (p.phase) {
    case 'queued':
      return undefined;
    case 'reading':
      return `${where}: page ${p.page ?? '?'}`;
    case 'done':
      return `${where}: done, ${p.stored ?? 0} new`;
    case 'deferred':
      return `${where}: deferred until ${p.nextAttemptAt ?? 'later'} (the bank's daily limit for unattended reads)`;
    case 'failed':
      return `${where}: failed (${p.state ?? 'failed'})${p.message ? `: ${p.message}` : ''}`;
  }
}

/**
 * The sync's progress on stderr, driven by the engine's `sync:progress` events: on a terminal
 * one bar redrawn in place, with failures kept above it; into a file or pipe, one line per step,
 * so a cron log reads as a history.
 */
export function progressView(io: Io): ProgressView {
  if (!io.errIsTty) {
    return {
      show(p) {
        const line = plainLine(p);
        if (line !== undefined) io.err(`${line}\n`);
      },
      end: () => undefined,
    };
  }
  let stored = 0;
  let drawn = false;
  const width = Math.max(20, io.errColumns - 1);
  const clear = () => {
    if (drawn) io.err('\r\x1b[2K');
    drawn = false;
  };
  return {
    show(p) {
      if (p.phase === 'done') stored += p.stored ?? 0;
      if (p.phase === 'failed' || p.phase === 'deferred') {
        clear();
        io.err(`${plainLine(p) as string}\n`);
      }
      const filled = p.total === 0 ? BAR_WIDTH : Math.round((p.done / p.total) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      const step = p.phase === 'reading' ? `, page ${p.page ?? '?'} of ${p.accountId}` : '';
      clear();
      io.err(`Syncing ${bar} ${p.done}/${p.total} accounts, ${stored} new${step}`.slice(0, width));
      drawn = true;
    },
    end() {
      clear();
    },
  };
}
