import { describe, expect, it } from 'vitest';
import { bgFunds, bgFundsVerbatim, CEC_IBAN } from '../../test/fixtures/cec-answers.js';
import { answer, onlyCall, recordingContext } from '../../test/helpers/psd2-fakes.js';
import { BankError, ProtocolError, ValidationError } from '../errors.js';
import { checkAvailabilityOfFundsRequest, processFundsConfirmationResponse } from './funds.js';

const auth = { accessToken: 'tok', consentId: 'consent-1' };
const ron = (amount: string) => ({ amount, currency: 'RON' });

describe('checkAvailabilityOfFundsRequest', () => {
  it('POSTs the guide §2.3 body to /psd29p/v1/funds-confirmations with the AIS bearer', async () => {
    const rec = recordingContext();
    await checkAvailabilityOfFundsRequest(rec.ctx, auth, { iban: 'ro42 cece ag02 02ro n000 7466', amount: ron('3.5'), cardNumber: '6376843640995840' });
    const req = onlyCall(rec);
    expect(req.method).toBe('POST');
    expect(req.url).toBe('https://api.cec.ro/cec/prod/psd29p/v1/funds-confirmations');
    expect(req.headers.get('authorization')).toBe('Bearer tok');
    expect(req.headers.get('consent-id')).toBe('consent-1');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(await req.text())).toEqual({
      cardNumber: '6376843640995840',
      account: { iban: CEC_IBAN },
      instructedAmount: { currency: 'RON', amount: '3.50' },
    });
  });

  it.each([
    ['an invalid IBAN', { iban: 'RO43CECEAG0202RON0007466', amount: ron('1') }],
    ['more decimals than RON', { iban: CEC_IBAN, amount: ron('1.005') }],
    ['zero', { iban: CEC_IBAN, amount: ron('0') }],
    ['a negative amount', { iban: CEC_IBAN, amount: ron('-1') }],
    ['a card number over 35 characters', { iban: CEC_IBAN, amount: ron('1'), cardNumber: '1'.repeat(36) }],
  ])('refuses %s with a ValidationError before sending', async (_name, input) => {
    const rec = recordingContext();
    await expect(checkAvailabilityOfFundsRequest(rec.ctx, auth, input)).rejects.toThrow(ValidationError);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('processFundsConfirmationResponse', () => {
  it('reads true and false', async () => {
    expect(await processFundsConfirmationResponse(answer(bgFunds))).toBe(true);
    expect(await processFundsConfirmationResponse(answer('{"fundsAvailable":false}'))).toBe(false);
  });

  it('reads the BG example verbatim, whose "true" is a string, as true, and refuses "maybe"', async () => {
    expect(await processFundsConfirmationResponse(answer(bgFundsVerbatim))).toBe(true);
    await expect(processFundsConfirmationResponse(answer(bgFundsVerbatim.replace('"true"', '"maybe"')))).rejects.toThrow(ProtocolError);
  });

  it('turns 403 RESOURCE_UNKNOWN (account outside the consent) into a BankError', async () => {
    const body = '{"tppMessages":[{"category":"ERROR","code":"RESOURCE_UNKNOWN","text":"The consent does not cover this account"}]}';
    const error = await processFundsConfirmationResponse(answer(body, 403)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect(error).toMatchObject({ status: 403, code: 'RESOURCE_UNKNOWN' });
  });
});
