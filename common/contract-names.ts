/**
 * The contract's names that must be known at run time on both sides of a boundary, without zod:
 * the preload and the renderer bundle import this module, never `contract.ts`'s schemas. Each
 * name is written here once; `contract.ts` builds its typed maps on these.
 */

/** Electron IPC: one channel carries every method call, one carries every pushed event. */
export const IPC_CHANNELS = { invoke: 'conturi:invoke', event: 'conturi:event' } as const;

/** Browser mode: the host's two API routes on 127.0.0.1. */
export const HOST_ROUTES = { invoke: '/api/invoke', events: '/api/events', ticket: '/api/ticket' } as const;

/**
 * The header that carries browser mode's per-launch secret on every API call. Header names are
 * case-insensitive on the wire; Node hands them to the host in lower case.
 */
export const SECRET_HEADER = 'X-Conturi-Secret';

/** Every event the privileged side may push to the renderer. */
export const EVENT_NAMES = ['connections:changed', 'authorization:open', 'authorization:settled', 'sync:progress', 'sync:finished', 'notice', 'payments:changed'] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
