import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { pageCsp } from '../pages/index.js';

/**
 * Sends one of the bank's HTML pages with a fresh nonce and a strict CSP. `formActionOrigins`
 * lists the registered redirect's origin: Chromium applies `form-action` to the redirect that
 * follows a form post, so without it the bank could not hand the code back.
 */
export function sendPage(
  reply: FastifyReply,
  status: number,
  render: (nonce: string) => string,
  formActionOrigins: string[] = [],
): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  return reply
    .code(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', pageCsp({ nonce, formActionOrigins }))
    .header('X-Frame-Options', 'DENY')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cache-Control', 'no-store')
    .send(render(nonce));
}
