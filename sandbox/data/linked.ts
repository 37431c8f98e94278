import type { Day } from './calendar.js';
import type { Draft, History } from './drafts.js';

/** A history whose transfers to or from the salary account must be booked there too. */
export interface LinkedHistory extends History {
  /** The salary account's side of each transfer, same day, opposite sign. */
  mirrors: Draft[];
}

/**
 * An event whose amount depends on the balance at that moment (interest, repaying a card,
 * exchanging what has piled up): `book` returns the draft to book (never of amount 0; a linked
 * step records its mirror as it returns), or undefined to skip it.
 */
export interface Step {
  day: Day;
  book: (balanceMinor: number) => Draft | undefined;
}

/**
 * Books steps in day order (stable, so earlier-listed steps of a day go first) from `openingMinor`.
 * Running them in order is what lets each step see the balance it acts on.
 */
export function runSteps(steps: readonly Step[], openingMinor: number): Draft[] {
  const ordered = [...steps].sort((a, b) => a.day - b.day);
  const booked: Draft[] = [];
  let balance = openingMinor;
  for (const step of ordered) {
    const draft = step.book(balance);
    if (draft === undefined) continue;
    balance += draft.amountMinor;
    booked.push(draft);
  }
  return booked;
}

/** A step with a fixed draft. */
export const fixedStep = (draft: Draft): Step => ({ day: draft.day, book: () => draft });

/** The salary account's side of a transfer between the PSU's own accounts. */
export function mirrorOf(draft: Draft, text: string, ownerName: string, otherIban: string): Draft {
  const incoming = draft.amountMinor < 0;
  const mirror: Draft = {
    day: draft.day,
    amountMinor: -draft.amountMinor,
    remittanceInformationUnstructured: text,
    bankTransactionCode: incoming ? 'PMNT-RCDT-BOOK' : 'PMNT-ICDT-BOOK',
  };
  if (draft.valueDay !== undefined) mirror.valueDay = draft.valueDay;
  if (incoming) {
    mirror.debtorName = ownerName;
    mirror.debtorIban = otherIban;
  } else {
    mirror.creditorName = ownerName;
    mirror.creditorIban = otherIban;
  }
  return mirror;
}
