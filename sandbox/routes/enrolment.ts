import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseTppCertificate } from '../certificate.js';
import { baseUrl, PREFIX, type BankContext } from '../context.js';
import { reject } from '../errors.js';
import { header, requireHeader } from '../checks.js';
import { renderMessagePage } from '../pages/index.js';
import { sendPage } from './page-reply.js';
import { parseBody } from '../validate.js';
import { digestSecret, matchesDigest } from '../state/secrets.js';

const registerBody = z.object({
  username: z.email().max(254),
  password: z.string().min(8).max(128),
  first_name: z.string().trim().min(1).max(100),
  last_name: z.string().trim().min(1).max(100),
  organization: z.string().trim().min(1).max(100),
});

const createAppBody = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  app_name: z.string().trim().min(1).max(64),
  app_title: z.string().trim().min(1).max(100),
  organization: z.string().trim().min(1),
});

const hash = (password: string, salt: string) => scryptSync(password, salt, 32).toString('hex');

/**
 * Dynamic Users Register: `portal/users/register` → activation mail → `create/app`.
 * @see the digest's §1 and the guide's "Inrolarea Automata".
 */
export function enrolmentRoutes(app: FastifyInstance, ctx: BankContext): void {
  const base = `${PREFIX}/dynamic-users-register`;

  app.post(`${base}/portal/users/register`, async (req, reply) => {
    parseTppCertificate(header(req, 'tpp-signature-certificate'), ctx.now());
    const body = parseBody(registerBody, req.body, 'body');
    const users = ctx.state.data.users;
    if (users.some((u) => u.username.toLowerCase() === body.username.toLowerCase())) {
      reject(409, 'USER_EXISTS', 'A developer with this username is already registered');
    }
    const salt = randomBytes(16).toString('hex');
    const activationToken = ctx.random.token(24);
    users.push({
      username: body.username,
      passwordHash: hash(body.password, salt),
      passwordSalt: salt,
      firstName: body.first_name,
      lastName: body.last_name,
      organization: body.organization,
      activated: false,
      activationTokenHash: digestSecret(activationToken),
      createdAt: ctx.now().toISOString(),
    });
    const link = `${baseUrl(ctx)}/dynamic-users-register/portal/users/activate?token=${activationToken}`;
    ctx.state.mailbox.push({
      id: ctx.random.uuid(),
      to: body.username,
      subject: 'CEC Bank API Portal - Activare cont',
      text: `Buna ziua ${body.first_name} ${body.last_name},\n\nPentru a activa contul dvs. pe portalul API CEC Bank accesati link-ul: ${link}\n`,
      link,
      sentAt: ctx.now().toISOString(),
    });
    ctx.state.changed();
    return reply.code(201).send({ username: body.username, status: 'pending activation' });
  });

  app.get(`${base}/portal/users/activate`, async (req, reply) => {
    const token = (req.query as Record<string, unknown>)['token'];
    const user = typeof token === 'string' ? ctx.state.data.users.find((u) => matchesDigest(token, u.activationTokenHash)) : undefined;
    if (user === undefined) {
      return sendPage(reply, 404, (nonce) =>
        renderMessagePage({ nonce, tone: 'error', title: 'Link invalid', message: 'Link-ul de activare nu este valid.' }),
      );
    }
    user.activated = true;
    ctx.state.changed();
    return sendPage(reply, 200, (nonce) =>
      renderMessagePage({ nonce, tone: 'info', title: 'Cont activat', message: `Contul ${user.username} a fost activat. Puteti crea aplicatii.` }),
    );
  });

  app.post(`${base}/create/app`, async (req, reply) => {
    parseTppCertificate(header(req, 'tpp-signature-certificate'), ctx.now());
    const redirectUri = requireHeader(req, 'Redirect-Uri');
    if (!isAbsoluteRedirect(redirectUri)) reject(400, 'FORMAT_ERROR', 'Redirect-Uri must be an absolute http(s) URL without a fragment');
    const body = parseBody(createAppBody, req.body, 'body');
    const user = ctx.state.data.users.find((u) => u.username.toLowerCase() === body.username.toLowerCase());
    if (user === undefined || !samePassword(body.password, user.passwordHash, user.passwordSalt)) {
      return reject(401, 'USER_INVALID', 'Unknown username or wrong password');
    }
    if (!user.activated) return reject(403, 'USER_NOT_ACTIVATED', 'Open the activation link sent by e-mail first');
    // The guide: spaces in the organisation's name become '-' when creating the app.
    const expected = user.organization.replace(/ /g, '-');
    if (body.organization !== expected) {
      return reject(400, 'FORMAT_ERROR', `organization must be "${expected}" (spaces replaced by "-")`);
    }
    const clientSecret = ctx.random.token(24);
    const record = {
      clientId: ctx.random.token(16).replace(/[-_]/g, 'a').slice(0, 20).toLowerCase(),
      clientSecretHash: digestSecret(clientSecret),
      appName: body.app_name,
      appTitle: body.app_title,
      organization: body.organization,
      username: user.username,
      redirectUri,
      createdAt: ctx.now().toISOString(),
    };
    ctx.state.data.apps.push(record);
    ctx.state.changed();
    return reply.code(201).send({
      'Application Name': record.appName,
      Application_Title: record.appTitle,
      'client id': record.clientId,
      'client secret': clientSecret,
    });
  });
}

function samePassword(password: string, expectedHash: string, salt: string): boolean {
  const a = Buffer.from(hash(password, salt), 'hex');
  const b = Buffer.from(expectedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function isAbsoluteRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hash === '' && uri.indexOf('#') === -1;
  } catch {
    return false;
  }
}
