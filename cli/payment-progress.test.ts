import { describe, expect, it } from 'vitest';
import { reasonWords } from './payment-progress.js';

describe('reasonWords', () => {
  it('prints a reason as its code, the bank’s own code and the technical detail, in the terminal’s English', () => {
    expect(reasonWords({ code: 'never-identified' })).toBe('never-identified');
    expect(reasonWords({ code: 'initiation-unanswered', detail: 'fetch failed' })).toBe('initiation-unanswered (fetch failed)');
    expect(reasonWords({ code: 'bank-reason', bankCode: 'AM04' })).toBe('bank-reason AM04');
  });
});
