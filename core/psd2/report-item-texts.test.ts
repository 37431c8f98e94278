import { describe, expect, it } from 'vitest';
import { processTransactionListPage } from './transactions.js';
import { reportItemTexts } from './report-item-texts.js';

describe('reportItemTexts', () => {
  it('gives each item of booked and pending as written: spaces, escapes, nested members and number forms kept', () => {
    const booked = ['{ "transactionId" : "1", "transactionAmount": {"amount": -2.640E1, "currency":"EUR"} }', '{"remittanceInformationUnstructured":"a \\"}{][\\" b\\\\","creditorName":null}'];
    const pending = ['{"valueDate":"2027-01-02","list":[{"x":[1,2]},{}]}'];
    const text = `{"account":{"iban":"RO1"},\n "transactions" : {\n  "booked" : [ ${booked.join(' ,\n ')} ],\n  "pending":[${pending[0]}],\n  "_links":{"next":{"href":"/x"}}},"balances":[{"booked":[{}]}]}`;
    expect(reportItemTexts(text, '"transactions"')).toEqual({ booked, pending });
  });

  it('reads the report under the name asked for, and no list of the same name elsewhere', () => {
    const text = '{"booked":[{"a":1}],"cardTransactions":{"booked":[{"cardTransactionId":"c1"}],"x":{"pending":[{"b":2}]}},"transactions":{"pending":[{"c":3}]}}';
    expect(reportItemTexts(text, '"cardTransactions"')).toEqual({ booked: ['{"cardTransactionId":"c1"}'] });
    expect(reportItemTexts(text, '"transactions"')).toEqual({ pending: ['{"c":3}'] });
  });

  it('keeps the last of a repeated list, as JSON.parse does', () => {
    expect(reportItemTexts('{"transactions":{"booked":[{"a":1}],"booked":[{"b":2},{"c":3}]}}', '"transactions"')).toEqual({ booked: ['{"b":2}', '{"c":3}'] });
  });

  it('gives only the items that are objects or lists: a list with other items has fewer texts than items', () => {
    expect(reportItemTexts('{"transactions":{"booked":[null,{"a":1},"x",3]}}', '"transactions"')).toEqual({ booked: ['{"a":1}'] });
    expect(reportItemTexts('{"transactions":{"booked":[]}}', '"transactions"')).toEqual({ booked: [] });
  });
});

describe('processTransactionListPage keeps each item as the bank sent it', () => {
  const page = (text: string) => processTransactionListPage(new Response(text, { headers: { 'content-type': 'application/json' } }), { accountId: 'A:RON' });

  it('as its own text, when every item is an object', async () => {
    const item = '{ "transactionId":"1", "transactionAmount":{"amount":-26.40,"currency":"RON"}, "creditorName":null, "purposeCode":"GDSV" }';
    const read = await page(`{"transactions":{"booked":[${item}]}}`);
    expect(read.booked.map((t) => t.bankItem)).toEqual([item]);
  });

  it('written out exactly from the parsed item, when the list holds something else too (the texts would not line up)', async () => {
    const read = await page('{"transactions":{"booked":[null, {"transactionId":"2", "transactionAmount":{"amount":1e2,"currency":"RON"}}]}}');
    expect(read.skipped).toHaveLength(1);
    expect(read.booked.map((t) => t.bankItem)).toEqual(['{"transactionId":"2","transactionAmount":{"amount":1e2,"currency":"RON"}}']);
  });
});
