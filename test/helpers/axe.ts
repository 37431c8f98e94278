/**
 * axe-core on a page of the app, as the accessibility tests read it: the serious and critical
 * violations, each as `rule: target, target`.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe's own per-frame run (runPartial in each frame, then finishRun in a new blank page of the
 * context, with axe injected again there) exists for cross-origin frames. A page with no frame
 * but its own gets the same rules over the same DOM from one `axe.run` in the page, without that
 * extra page per scan; only the violations are gathered in full (axe's `resultTypes`).
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(page.frames().length === 1);
  if (include !== undefined) builder.include(include);
  return (await builder.analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
