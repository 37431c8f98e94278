import { z } from 'zod';
import { returns } from './contract-schemas.js';
import type { Money } from './money.js';


/** A saved beneficiary of the address book: whom the person pays again. */
export interface Beneficiary {
  id: string;
  /** As the bank takes it: 1 to 70 characters. */
  name: string;
  /** Electronic form, valid mod-97 ("RO49AAAA1B31007593840000"); `formatIban` shows it in groups of four. */
  iban: string;
  /** The details a new payment to them starts with (at most 140 characters). */
  defaultDetails?: string;
  /** What the last payment to them was. */
  lastAmount?: Money;
  /** ISO instant of the last payment to them. */
  lastUsedAt?: string;
  createdAt: string;
  updatedAt: string;
}

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/);

/** The address book of beneficiaries (issue 11 §3.3). */
export const beneficiariesMethods = {
  /** Every saved beneficiary, the most recently paid first, then the never-paid by name. */
  'beneficiaries:list': { input: z.object({}).strict(), output: returns<Beneficiary[]>() },
  /**
   * Adds a beneficiary or, with `id`, changes one. The IBAN is checked by mod-97 in core (the
   * error names the field); one IBAN is one entry, so saving a known IBAN without `id` updates it.
   * An empty `defaultDetails` clears them.
   */
  'beneficiaries:save': {
    input: z.object({
      id: id.optional(),
      name: z.string().trim().min(1).max(70),
      iban: z.string().trim().min(5).max(50),
      defaultDetails: z.string().max(140).optional(),
    }).strict(),
    output: returns<Beneficiary>(),
  },
  /** Removes a beneficiary from the address book; past payments to them stay as they were. */
  'beneficiaries:delete': { input: z.object({ id }).strict(), output: returns<{ deleted: boolean }>() },
} as const;
