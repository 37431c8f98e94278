import { enrolAsDeveloper, type AppCredentials } from './demo-developer.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './index.js';

/**
 * The sandbox bank as an app embeds it: it starts on first use, and enrols the app at its own
 * Dynamic Users Register when asked. Its shape is core's `EmbeddedBank` port; the sandbox imports
 * nothing of core, so the composition roots (main, host, scripts, test helpers) hand it over.
 */
export interface EmbeddedSandbox {
  /** Starts the bank on the first call; every later call answers the same bank. */
  start(): Promise<{ url: string; origin: string }>;
  /** Registers a developer and creates an app with this redirect; the credentials are shown once. */
  enrol(redirectUri: string): Promise<AppCredentials>;
  /** The demo TPP certificate the app signs its calls with. */
  readonly demoCertificatePem: string;
  /** Flushes the bank's state and stops it, if it ever started. */
  close(): Promise<void>;
}

export function embeddedSandbox(options: SandboxOptions, demoCertificatePem: string): EmbeddedSandbox {
  let running: Promise<RunningSandbox> | undefined;
  const started = (): Promise<RunningSandbox> => {
    // A failed start is not kept: the next use tries again.
    running ??= startSandbox(options).catch((error: unknown) => {
      running = undefined;
      throw error;
    });
    return running;
  };
  return {
    demoCertificatePem,
    async start() {
      const { url, origin } = await started();
      return { url, origin };
    },
    async enrol(redirectUri) {
      return enrolAsDeveloper((await started()).url, { certificatePem: demoCertificatePem, redirectUri });
    },
    async close() {
      if (running !== undefined) await (await running).close();
    },
  };
}
