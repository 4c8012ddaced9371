import * as client from 'openid-client';
import type { AppContext, OidcSettings } from '../../platform/context.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import { AccountsRepository } from './accounts.repository.ts';
import type { AccountsService, NewSession, RequestMeta } from './accounts.service.ts';
import { OidcRepository } from './oidc.repository.ts';

/** How long a person has at the provider before the sign-in they started can no longer finish. */
export const OIDC_LOGIN_MINUTES = 10;

/**
 * Why a single sign-on was refused, as the code the sign-in page reads from `?error=` and explains:
 * - `sso-unknown-account`: no (enabled) account here has the provider's address; ask for an invitation;
 * - `sso-unverified-email`: the provider does not vouch for the address;
 * - `sso-expired`: the sign-in took too long, was already used, or started in another browser;
 * - `sso-failed`: anything else (the provider refused, a tampered answer, the provider unreachable).
 */
export type OidcFailureCode = 'sso-unknown-account' | 'sso-unverified-email' | 'sso-expired' | 'sso-failed';

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcFailureCode,
    detail: string,
  ) {
    super(detail);
  }
}

export interface OidcStart {
  /** Random handle for the browser's cookie; the database keeps only its hash. */
  handle: string;
  expiresAt: Date;
  authorizationUrl: URL;
}

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce). It signs in
 * people who already have an account here, matched by the address the provider says it has verified; it
 * never creates accounts, since roles come with invitations.
 */
export class OidcService {
  private readonly settings: OidcSettings | null;
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly accounts: AccountsService,
  ) {
    this.settings = ctx.settings.oidc;
  }

  get enabled(): boolean {
    return this.settings !== null;
  }

  /** Remember what the callback must check, and where to send the person. */
  async begin(): Promise<OidcStart> {
    const settings = this.requireSettings();
    const config = await this.discover(settings);
    const now = this.ctx.now();
    const handle = newToken();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const expiresAt = new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000);
    const repository = new OidcRepository(this.ctx.db);
    await repository.deleteExpiredLogins(now);
    await repository.insertLogin({ handleHash: hashToken(handle), state, nonce, verifier, createdAt: now, expiresAt });
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid email',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { handle, expiresAt, authorizationUrl };
  }

  /**
   * Finish a sign-in from the provider's redirect: `query` is the callback's query string as received.
   * The sign-in in progress is used up first, so a replayed or raced callback cannot try again.
   */
  async complete(handle: string | undefined, query: string, meta: RequestMeta): Promise<NewSession> {
    const settings = this.requireSettings();
    const now = this.ctx.now();
    const login = handle ? await new OidcRepository(this.ctx.db).consumeLogin(hashToken(handle), now) : undefined;
    if (!login) {
      throw new OidcSignInError('sso-expired', 'no sign-in in progress for this browser (missing, used or expired)');
    }
    const config = await this.discover(settings);
    const currentUrl = new URL(settings.redirectUri);
    currentUrl.search = query;

    let claims: Record<string, unknown>;
    try {
      // Checks the state and the issuer of the answer, sends the PKCE verifier, and validates the ID token
      // (issuer, audience, expiry, nonce).
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        expectedState: login.state,
        expectedNonce: login.nonce,
        pkceCodeVerifier: login.verifier,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('the provider sent no ID token');
      claims = { ...idToken };
      // Providers often keep the email claims out of the ID token of a code flow; UserInfo has them.
      if (claims.email === undefined || claims.email_verified === undefined) {
        claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...claims };
      }
    } catch (error) {
      throw new OidcSignInError('sso-failed', `the provider's answer was refused: ${describe(error)}`);
    }

    if (claims.email_verified !== true) {
      throw new OidcSignInError('sso-unverified-email', 'the provider does not say the email address is verified');
    }
    if (typeof claims.email !== 'string' || claims.email.trim() === '') {
      throw new OidcSignInError('sso-failed', 'the provider sent no email address');
    }
    const email = claims.email.trim().toLowerCase();
    const user = await new AccountsRepository(this.ctx.db).findUserByEmail(email);
    if (!user || user.disabledAt !== null) {
      throw new OidcSignInError('sso-unknown-account', 'no enabled account has the address the provider verified');
    }

    return this.accounts.openSession(user.id, 'oidc', meta);
  }

  private requireSettings(): OidcSettings {
    if (!this.settings) throw new Error('single sign-on is not configured');
    return this.settings;
  }

  /** Discovered once per process; a failure is not kept, so the next attempt asks the provider again. */
  private discover(settings: OidcSettings): Promise<client.Configuration> {
    this.configuration ??= discoverProvider(settings).catch((error: unknown) => {
      this.configuration = null;
      throw error;
    });
    return this.configuration;
  }
}

async function discoverProvider(settings: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain http is accepted only from a provider on this very machine (a test or a local proxy).
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
  if (issuer.protocol !== 'https:' && !insecure) {
    throw new Error(`OIDC_ISSUER must be an https address (http only on a loopback address), got ${settings.issuer}`);
  }
  const execute = insecure ? [client.allowInsecureRequests] : [];
  const discovered = await client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
    execute,
    timeout: 10,
  });
  // client_secret_basic is what a provider supports when it lists nothing; some accept only _post.
  const methods = discovered.serverMetadata().token_endpoint_auth_methods_supported;
  if (!methods || methods.includes('client_secret_basic') || !methods.includes('client_secret_post')) {
    const config = new client.Configuration(
      discovered.serverMetadata(),
      settings.clientId,
      settings.clientSecret,
      client.ClientSecretBasic(settings.clientSecret),
    );
    for (const step of execute) step(config);
    return config;
  }
  return discovered;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function describe(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError) return `${error.error}: ${error.error_description ?? ''}`;
  if (error instanceof client.ResponseBodyError) return `${error.error}: ${error.error_description ?? ''}`;
  if (!(error instanceof Error)) return String(error);
  // openid-client wraps the precise reason (which check failed) as the cause.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
