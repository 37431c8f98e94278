import { describe, expect, it } from 'vitest';
import { readPaymentState, readReason } from './payment-reason.js';

describe('readReason', () => {
  it('keeps a reason of this version as it is', () => {
    expect(readReason({ code: 'bank-reason', bankCode: 'AM04' })).toEqual({ code: 'bank-reason', bankCode: 'AM04' });
    expect(readReason({ code: 'initiation-unanswered', detail: 'fetch failed' })).toEqual({ code: 'initiation-unanswered', detail: 'fetch failed' });
  });

  it('reads an earlier version’s sentence as its code, the error it carried as detail', () => {
    expect(readReason('the bank says the PSU authorised it; its outcome is read from the bank')).toEqual({ code: 'authorised-at-bank' });
    expect(readReason('the PSU’s answer could not be completed (invalid_grant: code reused)')).toEqual({ code: 'authorisation-incomplete', detail: 'invalid_grant: code reused' });
  });

  it('reads any other text, an unknown code or a missing reason as legacy, never failing', () => {
    expect(readReason('Payment refused')).toEqual({ code: 'legacy', detail: 'Payment refused' });
    expect(readReason({ code: 'from-the-future' })).toEqual({ code: 'legacy', detail: '{"code":"from-the-future"}' });
    expect(readReason({ code: 'bank-reason' })).toEqual({ code: 'legacy', detail: '{"code":"bank-reason"}' });
    expect(readReason(undefined)).toEqual({ code: 'legacy' });
  });
});

describe('readPaymentState', () => {
  it('reads the reason of cancelled, failed and unknown states, and leaves others untouched', () => {
    expect(readPaymentState('{"kind":"cancelled","paymentId":"p1","status":"CANC","reason":null}')).toEqual({ kind: 'cancelled', paymentId: 'p1', status: 'CANC', reason: null });
    expect(readPaymentState('{"kind":"failed","paymentId":null,"reason":"the bank refused the payment"}')).toEqual({ kind: 'failed', paymentId: null, reason: { code: 'initiation-refused' } });
    expect(readPaymentState('{"kind":"settled","paymentId":"p1","status":"ACSC"}')).toEqual({ kind: 'settled', paymentId: 'p1', status: 'ACSC' });
  });
});
