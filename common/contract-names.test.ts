import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, isEventName } from './contract-names.js';
import { events } from './contract.js';

describe('contract names', () => {
  it('lists exactly the events of the contract’s typed map', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('knows an event name only when the contract has it', () => {
    expect(EVENT_NAMES.every(isEventName)).toBe(true);
    expect(['accounts:exploded', 'constructor', 42, undefined].some(isEventName)).toBe(false);
  });
});
