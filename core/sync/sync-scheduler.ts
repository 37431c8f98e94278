import type { Logger } from 'pino';
import type { SyncTrigger } from '../../common/index.js';
import type { SyncEngine } from './sync-engine.js';

export interface SyncSchedulerDeps {
  engine: Pick<SyncEngine, 'run'>;
  /** Hours between automatic runs (the person's setting); 0 turns them off. */
  intervalHours: () => number;
  now: () => Date;
  /** When the last run finished: the data is that old. */
  lastRunAt: () => Date | undefined;
  logger: Logger;
}

/** setTimeout's largest delay; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Background sync: every `intervalHours` after the last run, and once at start-up when the data
 * is older than that. Runs without the person: the engine keeps within the bank's daily budget.
 * The engine never overlaps runs, so a timer that fires during a person's run joins it.
 */
export class SyncScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private next: Date | undefined;
  private stopped = true;

  constructor(private readonly deps: SyncSchedulerDeps) {}

  start(): void {
    this.stopped = false;
    this.plan(true);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.next = undefined;
  }

  /** The setting changed, or a run finished outside the schedule: plan again from the last run. */
  reschedule(): void {
    if (!this.stopped) this.plan(false);
  }

  nextRunAt(): Date | undefined {
    return this.next;
  }

  private plan(startup: boolean): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const hours = this.deps.intervalHours();
    if (hours <= 0) {
      this.next = undefined;
      return;
    }
    const now = this.deps.now().getTime();
    const last = this.deps.lastRunAt()?.getTime();
    const due = last === undefined ? now : last + hours * 3_600_000;
    if (due <= now) {
      this.next = new Date(now);
      this.timer = setTimeout(() => void this.fire(startup ? 'startup' : 'schedule'), 0);
    } else {
      this.next = new Date(due);
      this.timer = setTimeout(() => (due - this.deps.now().getTime() > 0 ? this.plan(false) : void this.fire('schedule')), Math.min(due - now, MAX_TIMER_MS));
    }
    this.timer.unref?.();
  }

  private async fire(trigger: SyncTrigger): Promise<void> {
    try {
      await this.deps.engine.run({ trigger });
    } catch (error) {
      // A run reports per account; reaching here is a bug in the engine, which must not stop the schedule.
      this.deps.logger.error({ err: error }, 'background sync run failed');
    }
    if (!this.stopped) this.plan(false);
  }
}
