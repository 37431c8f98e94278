import formbody from '@fastify/formbody';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import type { BankContext } from './context.js';
import { BankRejection, OAuthRejection } from './errors.js';
import { installGateway } from './gateway.js';
import { installHostCheck } from './host-check.js';
import { accountRoutes } from './routes/accounts.js';
import { authorizeRoutes } from './routes/authorize.js';
import { bankActivityRoutes } from './routes/bank-activity.js';
import { consentRoutes } from './routes/consents.js';
import { enrolmentRoutes } from './routes/enrolment.js';
import { faultControlRoutes } from './routes/fault-control.js';
import { fundsRoutes } from './routes/funds.js';
import { oauthMetadataRoutes } from './routes/oauth-metadata.js';
import { paymentCountRoutes } from './routes/payment-counts.js';
import { paymentRoutes } from './routes/payments.js';
import { sandboxControlRoutes } from './routes/sandbox-control.js';
import { settleDue } from './routes/settlement.js';
import { tokenRoutes } from './routes/token.js';

const tpp = (code: string, text: string) => ({ tppMessages: [{ category: 'ERROR', code, text }] });

/** Builds the bank's HTTP server: gateway behaviour, every API family, the pages, clean errors. */
export async function buildServer(ctx: BankContext): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: ctx.options.bodyLimit, logger: false, return503OnClosing: true });

  app.removeContentTypeParser('application/json');
  // CEC's consent call carries an empty body with a JSON content type: empty means "no body".
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      // Prototype-poisoning keys are refused, as Fastify's own parser does.
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new BankRejection(400, 'FORMAT_ERROR', 'The body is not valid JSON'), undefined);
    }
  });
  await app.register(formbody, { bodyLimit: ctx.options.bodyLimit });

  installHostCheck(app, ctx);
  installGateway(app, ctx);
  app.addHook('preHandler', async () => settleDue(ctx));
  app.addHook('onResponse', async (req, reply) => {
    ctx.state.flush();
    if (ctx.options.log) process.stderr.write(`${req.method} ${req.url.split('?')[0]} ${reply.statusCode}\n`);
  });

  enrolmentRoutes(app, ctx);
  oauthMetadataRoutes(app, ctx);
  authorizeRoutes(app, ctx);
  tokenRoutes(app, ctx);
  consentRoutes(app, ctx);
  accountRoutes(app, ctx);
  paymentRoutes(app, ctx);
  fundsRoutes(app, ctx);
  sandboxControlRoutes(app, ctx);
  bankActivityRoutes(app, ctx);
  faultControlRoutes(app, ctx);
  paymentCountRoutes(app, ctx);

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(tpp('RESOURCE_UNKNOWN', `No such resource: ${req.method} ${req.url.split('?')[0]}`));
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const isToken = req.url.includes('/oauth2/token');
    // The token endpoint speaks RFC 6749 §5.2, even about a body that failed to parse.
    if (error instanceof BankRejection && isToken && error.code === 'FORMAT_ERROR') {
      return reply.code(400).header('Cache-Control', 'no-store').send({ error: 'invalid_request', error_description: error.text });
    }
    if (error instanceof BankRejection) {
      return reply.code(error.status).headers(error.headers).send(error.body());
    }
    if (error instanceof OAuthRejection) {
      return reply.code(error.status).header('Cache-Control', 'no-store').send({ error: error.error, error_description: error.description });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: body too large, bad content type, malformed form.
      const text = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The body is too large' : 'The request is malformed';
      return reply.code(status).send(isToken ? { error: 'invalid_request', error_description: text } : tpp('FORMAT_ERROR', text));
    }
    process.stderr.write(`sandbox bank: internal error on ${req.method} ${req.url.split('?')[0]}: ${error.stack ?? error.message}\n`);
    return reply.code(500).send(tpp('INTERNAL_SERVER_ERROR', 'The bank could not process the request'));
  });
  return app;
}
