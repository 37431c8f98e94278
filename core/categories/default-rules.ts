import type { BuiltinCategoryId, RuleField } from '../../common/categories.js';

/**
 * The rules the app ships: names and phrases of Romanian statements, each a category's. A
 * pattern matches whole words in order, in the counterparty's name or the remittance text
 * (`field`, default both), ignoring case and diacritics (see match-words.ts). The first rule in
 * this list that matches wins, so a more specific phrase goes before a word it contains. The
 * person's own rules come before all of these; docs/categories.md says how to add one.
 */
export interface DefaultRule {
  pattern: string;
  categoryId: BuiltinCategoryId;
  field?: RuleField;
}

const each = (categoryId: BuiltinCategoryId, patterns: readonly string[], field?: RuleField): DefaultRule[] =>
  patterns.map((pattern) => ({ pattern, categoryId, ...(field === undefined ? {} : { field }) }));

export const DEFAULT_RULES: readonly DefaultRule[] = [
  // Between the person's own accounts, and a card repaid from the current account.
  ...each('transfers', ['transfer intre conturi proprii', 'transfer intre conturi', 'rambursare card de credit', 'alimentare card', 'schimb valutar']),
  ...each('interest', ['capitalizare dobanda', 'dobanda neta', 'plata dobanda', 'dobanda']),
  ...each('cash', ['retragere numerar', 'depunere numerar', 'atm', 'cash withdrawal']),
  ...each('salary', ['salariu', 'prima craciun', 'prima de paste', 'indemnizatie', 'pensie']),
  ...each('taxes', ['anaf', 'impozit', 'impozite', 'taxe locale', 'trezoreria', 'ghiseul ro', 'declaratia unica', 'cass', 'rovinieta']),
  ...each('fees', ['comision', 'comisioane', 'taxa administrare', 'abonament cont']),
  ...each('groceries', [
    'kaufland', 'lidl', 'mega image', 'carrefour', 'profi', 'auchan', 'penny', 'selgros', 'metro cash',
    'la doi pasi', 'annabella', 'supeco', 'artima', 'billa',
  ]),
  ...each('fuel', ['omv', 'petrom', 'rompetrol', 'mol', 'lukoil', 'socar', 'gazprom']),
  // Before transport: "BOLT FOOD" is a meal, "BOLT" a ride.
  ...each('eating-out', [
    'bolt food', 'spartan', 'kfc', 'mcdonalds', 'mcdonald s', 'salad box', 'starbucks', 'trattoria', 'la mama', 'glovo', 'tazz', 'foodpanda',
    'food panda', 'restaurant', 'pizza hut', 'burger king', 'subway', 'ted s coffee', '5 to go',
  ]),
  ...each('transport', ['bolt', 'uber', 'stb', 'metrorex', 'cfr calatori', 'blue air', 'parcare', 'taxi', 'clever taxi', 'star taxi']),
  ...each('utilities', [
    'enel', 'engie', 'digi', 'rcs rds', 'e on', 'eon energie', 'orange', 'vodafone', 'telekom', 'apa nova', 'electrica',
    'hidroelectrica', 'ppc energie', 'compania de apa', 'apa canal', 'distrigaz', 'premier energy', 'nova power', 'radet', 'termoenergetica',
    'factura energie', 'gaze naturale',
  ]),
  ...each('housing', ['chirie', 'intretinere', 'asociatia de proprietari', 'asociatia proprietarilor', 'ikea', 'dedeman', 'hornbach', 'leroy merlin', 'brico depot', 'jysk']),
  ...each('health', ['catena', 'dona', 'sensiblu', 'help net', 'dr max', 'farmacia', 'farmacie', 'regina maria', 'medlife', 'sanador', 'synevo']),
  ...each('travel', ['booking com', 'ryanair', 'wizz air', 'airbnb', 'tarom', 'hotel', 'expedia']),
  ...each('subscriptions', ['netflix', 'spotify', 'hbo', 'disney plus', 'youtube premium', 'apple com bill', 'google play', 'voyo']),
  ...each('shopping', [
    'emag', 'altex', 'flanco', 'fashion days', 'amazon', 'decathlon', 'carturesti', 'humanitas', 'elefant', 'answear', 'zara', 'about you',
    'libraria',
  ]),
];
