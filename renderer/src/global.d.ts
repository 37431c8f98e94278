import type { Bridge } from '../../common/contract.js';

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent in browser mode, where the HTTP transport stands in. */
    conturi?: Bridge;
  }
}

export {};
