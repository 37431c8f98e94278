import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULK_TEMPLATE_CSV, bulkTemplateHref } from '../../renderer/src/screens/payments/bulk-template.js';

describe('the bulk CSV template the page offers', () => {
  it('is docs/bulk-payments-template.csv, byte for byte, as a data address', () => {
    const doc = readFileSync(join(process.cwd(), 'docs', 'bulk-payments-template.csv'), 'utf8');
    expect(BULK_TEMPLATE_CSV).toBe(doc);
    expect(decodeURIComponent(bulkTemplateHref().replace(/^data:text\/csv;charset=utf-8,/, ''))).toBe(doc);
  });
});
