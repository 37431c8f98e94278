import type { z } from 'zod';
import { reject } from './errors.js';

/** Validates a request body; the first issue becomes the FORMAT_ERROR text (path + message). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : what;
  return reject(400, 'FORMAT_ERROR', `${path}: ${issue?.message ?? 'invalid'}`);
}
