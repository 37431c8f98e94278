import type { ExportFile, Handlers } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { bankDay } from './connections/connection-status.js';
import { EXPORT_MEDIA, type ExportOptions } from './export/index.js';
import { exportAccounts, exportStored, firstDay } from './export/stored-export.js';
import { storedAccountsView } from './store/stored-accounts.js';
import { countTransactions } from './store/transaction-count.js';

type TransactionsMethod = 'transactions:count' | 'transactions:export';

/**
 * The Transactions screen's count and export, over the same filter as its list (the same
 * conditions in core/store/transaction-filter.ts), from the local copy only.
 */
export function transactionsHandlers(core: AppCore): Pick<Handlers, TransactionsMethod> {
  return {
    'transactions:count': async (filter) => countTransactions(core.db, filter),
    'transactions:export': async ({ format, accountIds, ...filter }) => {
      // The accounts the person's connections show, in the order OFX needs; the filter's only, when it names some.
      const accounts = exportAccounts(storedAccountsView(core.db, core.connections.list()).accounts, accountIds);
      const now = core.now();
      const today = bankDay(now);
      const options: ExportOptions =
        format === 'ofx'
          ? { format, range: { from: filter.dateFrom ?? firstDay(core.db, accounts, filter) ?? filter.dateTo ?? today, to: filter.dateTo ?? today }, now }
          : format === 'csv'
            ? { format, bom: true } // a spreadsheet opens it: Excel needs the mark to read UTF-8
            : { format };
      const chunks: string[] = [];
      const summary = exportStored(core.db, accounts, filter, (chunk) => chunks.push(chunk), options);
      const { extension, mediaType } = EXPORT_MEDIA[format];
      const file: ExportFile = { fileName: `conturi-${today}.${extension}`, mediaType, content: chunks.join(''), ...summary };
      return file;
    },
  };
}
