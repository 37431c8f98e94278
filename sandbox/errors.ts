/**
 * A rejection the bank answers with a Berlin Group `tppMessages` body.
 * Routes throw it; the server's error handler renders it, so no path can leak a stack trace.
 * @see Berlin Group NextGenPSD2 1.3.12 §14.11 (tppMessages) and the digest's §4.
 */
export class BankRejection extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}: ${text}`);
    this.name = 'BankRejection';
  }

  body(): { tppMessages: { category: 'ERROR'; code: string; text: string }[] } {
    return { tppMessages: [{ category: 'ERROR', code: this.code, text: this.text }] };
  }
}

export const reject = (status: number, code: string, text: string, headers?: Record<string, string>): never => {
  throw new BankRejection(status, code, text, headers);
};

/** RFC 6749 §5.2 error of the token endpoint. */
export class OAuthRejection extends Error {
  constructor(
    readonly status: number,
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthRejection';
  }
}
