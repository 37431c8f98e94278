import { describe, expect, it } from 'vitest';
import { categoriser, type PersonRule } from './category-matcher.js';
import { matchWords } from './match-words.js';

const out = (counterparty: string | null, remittance: string | null = null) => ({ counterparty, remittance, incoming: false });
const inc = (counterparty: string | null, remittance: string | null = null) => ({ counterparty, remittance, incoming: true });

describe('matchWords', () => {
  it('folds case, diacritics (comma-below and cedilla alike) and punctuation', () => {
    expect(matchWords('Cumpărături  ȘTEFAN şi Ţară')).toEqual(['cumparaturi', 'stefan', 'si', 'tara']);
    expect(matchWords('E.ON Energie; Mega-Image!')).toEqual(['e', 'on', 'energie', 'mega', 'image']);
    expect(matchWords('  ')).toEqual([]);
  });
});

describe('categoriser › the default rules', () => {
  const decide = categoriser([]);
  const id = (t: ReturnType<typeof out>) => decide(t).categoryId;

  it('names the chains and payees of Romanian statements, whatever their case or diacritics', () => {
    expect(id(out('Mega Image'))).toBe('groceries');
    expect(id(out(null, 'Cumparare POS MEGA IMAGE BUCURESTI card 425605******1234'))).toBe('groceries');
    expect(id(out('KAUFLAND ROMANIA'))).toBe('groceries');
    expect(id(out('ENEL ENERGIE MUNTENIA'))).toBe('utilities');
    expect(id(out('E.ON Energie România'))).toBe('utilities');
    expect(id(out('Digi RCS&RDS'))).toBe('utilities');
    expect(id(out('ROMPETROL'))).toBe('fuel');
    expect(id(out(null, 'Retragere numerar ATM CEC BUCURESTI'))).toBe('cash');
    expect(id(out('BOLT.EU'))).toBe('transport');
    expect(id(out('BOLT FOOD'))).toBe('eating-out');
    expect(decide(inc(null, 'Capitalizare dobândă-Achitare dobanda neta 01.02.2027-28.02.2027'))).toEqual({ categoryId: 'interest', source: 'default', ruleId: null });
    expect(id(inc('DELTA SOFT SOLUTIONS SRL', 'SALARIU LUNA FEBRUARIE 2027 DELTA SOFT SOLUTIONS SRL'))).toBe('salary');
  });

  it('matches whole words only: PROFIT is not Profi, MOLDOVA is not MOL', () => {
    expect(id(out('PROFIT SRL'))).toBe('other');
    expect(id(out('Transport MOLDOVA'))).toBe('other');
  });

  it('falls back by sign: spending to other, money in to income', () => {
    expect(decide(out('Ioana Marin', 'Bilete concert'))).toEqual({ categoryId: 'other', source: 'fallback', ruleId: null });
    expect(decide(inc('Andrei Popescu', 'Ajutor familie'))).toEqual({ categoryId: 'income', source: 'fallback', ruleId: null });
  });
});

describe('categoriser › the person’s rules', () => {
  const rule = (id: number, pattern: string, categoryId: string, field: PersonRule['field'] = 'any'): PersonRule => ({ id, pattern, field, categoryId });

  it('beat the defaults, the newest first', () => {
    // Newest first, as the store hands them over.
    const decide = categoriser([rule(2, 'rompetrol', 'custom-1'), rule(1, 'ROMPETROL', 'transport')]);
    expect(decide(out('ROMPETROL DOWNSTREAM'))).toEqual({ categoryId: 'custom-1', source: 'rule', ruleId: 2 });
    expect(categoriser([rule(1, 'ROMPETROL', 'transport')])(out('Rompetrol'))).toEqual({ categoryId: 'transport', source: 'rule', ruleId: 1 });
  });

  it('read only the field they name', () => {
    const decide = categoriser([rule(1, 'chirie', 'custom-1', 'counterparty')]);
    expect(decide(out('Gheorghe Pop', 'Chirie luna martie')).categoryId).toBe('housing');
    expect(decide(out('Chirie Agent SRL', 'martie')).categoryId).toBe('custom-1');
  });

  it('match a phrase in order, ignoring diacritics the person typed or the bank sent', () => {
    const decide = categoriser([rule(1, 'Ștefan cel Mare', 'custom-1')]);
    expect(decide(out(null, 'Chirie STEFAN CEL MARE 12')).categoryId).toBe('custom-1');
    expect(decide(out(null, 'Mare cel Stefan')).categoryId).toBe('other');
  });
});
