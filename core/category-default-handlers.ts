import type { Handlers } from '../common/index.js';
import { DEFAULT_RULES } from './categories/default-rules.js';

/** The shipped rules as data; read from code, so they answer before any sync and offline. */
export function categoryDefaultHandlers(): Pick<Handlers, 'categories:default-rules'> {
  const rules = DEFAULT_RULES.map((r) => ({ pattern: r.pattern, categoryId: r.categoryId, field: r.field ?? 'any' }));
  return { 'categories:default-rules': async () => rules };
}
