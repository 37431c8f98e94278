import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { MonthlyFlow } from '../../../../common/queries.js';
import { renderScreen } from '../render-for-test.js';
import { MonthlyChart } from './monthly-chart.js';
import { monthEnd, presetPeriod, readPeriod, transactionsHref, writePeriod } from './period.js';

const today = new Date(2026, 11, 1, 12);

describe('the Insights period in the address', () => {
  it('defaults to the twelve months ending with today’s, reads a period back, and puts a reversed range in order', () => {
    expect(readPeriod(new URLSearchParams(), today)).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(readPeriod(new URLSearchParams('from=2026-03-01&to=2026-03-31&account=RO49CECE&currency=EUR'), today))
      .toEqual({ from: '2026-03-01', to: '2026-03-31', account: 'RO49CECE', currency: 'EUR' });
    expect(readPeriod(new URLSearchParams('from=2026-05-01&to=2026-02-01'), today)).toMatchObject({ from: '2026-02-01', to: '2026-05-01' });
    expect(readPeriod(new URLSearchParams('from=mâine&currency=lei'), today)).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(writePeriod({ from: '2026-01-01', to: '2026-06-30', account: 'a1' }).toString()).toBe('from=2026-01-01&to=2026-06-30&account=a1');
    expect(presetPeriod('quarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-01' });
  });

  it('a bar’s link names the transactions screen’s filters: booked, the days, the direction, the account, the category or the text', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(transactionsHref({ dateFrom: '2026-02-01', dateTo: '2026-02-28', direction: 'out', account: 'a1', categoryId: 'fuel' }))
      .toBe('/transactions?from=2026-02-01&to=2026-02-28&status=booked&dir=out&account=a1&category=fuel');
    expect(transactionsHref({ dateFrom: '2026-01-01', dateTo: '2026-12-01', text: 'MEGA IMAGE' }))
      .toBe('/transactions?from=2026-01-01&to=2026-12-01&status=booked&q=MEGA+IMAGE');
  });
});

describe('MonthlyChart', () => {
  it('shows each figure as its exact decimal, beyond what a float holds, oldest month first, each linked to its transactions', () => {
    const months: MonthlyFlow[] = [
      { month: '2026-11', currency: 'RON', income: '9007199254740993.01', spending: '0.10', net: '9007199254740992.91' },
      { month: '2026-10', currency: 'RON', income: '0.30', spending: '1234.56', net: '-1234.26' },
      { month: '2026-10', currency: 'EUR', income: '5.00', spending: '0', net: '5.00' },
    ];
    const html = renderScreen(createElement(MonthlyChart, { months, currency: 'RON', period: { from: '2026-01-01', to: '2026-12-01' } }));
    expect(html).toContain('9.007.199.254.740.993,01 RON');
    expect(html).toContain('9.007.199.254.740.992,91 RON');
    expect(html).toContain('-1.234,26 RON');
    expect(html).not.toContain('EUR');
    const rows = [...html.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(rows).toEqual(['oct. 2026', 'nov. 2026']);
    expect(html).toContain('href="#/transactions?from=2026-11-01&amp;to=2026-11-30&amp;status=booked&amp;dir=in"');
    expect(html).toContain('Încasări și cheltuieli pe luni');
  });

  it('says so when the period holds nothing', () => {
    const html = renderScreen(createElement(MonthlyChart, { months: [], currency: 'RON', period: { from: '2026-01-01', to: '2026-12-01' } }));
    expect(html).toContain('Nicio tranzacție înregistrată în această perioadă.');
    expect(html).not.toContain('<table');
  });
});
