import { isLang, type Lang, type MeResponse, ROLE_SCOPE, type Role, type ScopeRef, WORKSPACES } from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { CHANNELS, NoticeCache } from '../../platform/db/notice-cache.ts';
import {
  badRequest,
  conflict,
  forbidden,
  invalidToken,
  notFound,
  tooManyRequests,
  unauthorized,
} from '../../platform/http/problem.ts';
import { type Actor, hasRole } from '../../platform/security/actor.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from '../../platform/security/passwords.ts';
import {
  MAIL_POLICY,
  SIGN_IN_ACCOUNT_POLICY,
  SIGN_IN_ADDRESS_POLICY,
  Throttle,
} from '../../platform/security/throttle.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import { invitationMail, passwordResetMail } from './accounts.mail.ts';
import { type AccountAction, can } from './accounts.policy.ts';
import { presentUser } from './accounts.presenter.ts';
import { AccountsRepository, type InvitationRow, type LiveSession, type UserRow } from './accounts.repository.ts';

/** Where a request comes from: written into sessions and the audit trail. */
export interface RequestMeta {
  requestId: string;
  ipAddress: string;
  userAgent: string | null;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

const GENERIC_SIGN_IN_FAILURE = 'The email or password is incorrect.';

/** The accounts context: people, their roles, sessions, invitations and password resets. */
export class AccountsService {
  private readonly repository: AccountsRepository;
  private readonly accountThrottle: Throttle;
  private readonly addressThrottle: Throttle;
  private readonly mailThrottle: Throttle;
  private readonly lookups = new WeakMap<Actor, LiveSession>();
  /**
   * The sessions this process resolved lately, so a signed-in request needs no query (issue #3: an
   * authenticated read at ≥ 80 % of an anonymous one). Keyed by session id; a notice names the person whose
   * account, roles or sessions changed (migration 0011). Sixty seconds at most, should a notice be missed.
   */
  private readonly sessions: NoticeCache<LiveSession>;

  constructor(private readonly ctx: AppContext) {
    this.repository = new AccountsRepository(ctx.db);
    this.sessions = new NoticeCache(ctx.notices, {
      channel: CHANNELS.accounts,
      capacity: 10_000,
      maxAgeMs: 60_000,
      staleOn: (userId, _sessionId, live) => live.user.id === userId,
    });
    this.accountThrottle = new Throttle(ctx.db, SIGN_IN_ACCOUNT_POLICY);
    this.addressThrottle = new Throttle(ctx.db, SIGN_IN_ADDRESS_POLICY);
    this.mailThrottle = new Throttle(ctx.db, MAIL_POLICY);
  }

  // Sessions

  async signIn(email: string, password: string, meta: RequestMeta): Promise<NewSession> {
    const now = this.ctx.now();
    const accountKey = `sign-in:account:${email}`;
    const addressKey = `sign-in:address:${meta.ipAddress}`;
    const wait = Math.max(
      await this.accountThrottle.waitSeconds([accountKey], now),
      await this.addressThrottle.waitSeconds([addressKey], now),
    );
    // Refused before any password work: a flood from one address costs us a lookup, not an argon2 hash.
    if (wait > 0) throw tooManyRequests(wait);

    const user = await this.repository.findUserByEmail(email);
    const usable = user && user.disabledAt === null && user.passwordHash !== null;
    const ok = await verifyPassword(usable ? (user.passwordHash as string) : await decoyHash(), password);
    if (!usable || !ok) {
      await this.accountThrottle.recordFailure([accountKey], now);
      await this.addressThrottle.recordFailure([addressKey], now);
      throw unauthorized(GENERIC_SIGN_IN_FAILURE);
    }
    await this.accountThrottle.clear([accountKey]);
    return this.openSession(user.id, 'password', meta);
  }

  /** A session after a successful sign-in, by any method, with its audit record, in one transaction. */
  async openSession(userId: string, method: 'password' | 'oidc', meta: RequestMeta): Promise<NewSession> {
    return this.ctx.db.transaction(async (tx) => {
      const session = await this.startSession(tx, userId, method, meta);
      await appendAudit(
        tx,
        {
          actorId: userId,
          action: 'session.sign-in',
          resourceType: 'user',
          resourceId: userId,
          after: { method },
          requestId: meta.requestId,
        },
        this.ctx.now(),
      );
      return session;
    });
  }

  /** Open a session for a person (password, invitation acceptance or single sign-on). */
  async startSession(
    tx: Database,
    userId: string,
    method: 'password' | 'oidc',
    meta: RequestMeta,
  ): Promise<NewSession> {
    const now = this.ctx.now();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + this.ctx.settings.sessionMaxHours * 3600_000);
    await new AccountsRepository(tx).insertSession({
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ipAddress,
      method,
    });
    return { token, expiresAt };
  }

  /** The person behind a session cookie, or null when the cookie is unknown, revoked or expired. */
  async actorForToken(token: string): Promise<Actor | null> {
    const now = this.ctx.now();
    const id = hashToken(token);
    const ticket = this.sessions.ticket();
    const found = this.liveFromCache(id, now) ?? (await this.repository.findLiveSession(id, now, this.idleCutoff(now)));
    if (!found) return null;
    // Sliding idle expiry, written at most once a minute so reads stay reads.
    if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) {
      await this.repository.touchSession(id, now);
      found.session = { ...found.session, lastSeenAt: now };
    }
    this.sessions.set(id, found, ticket, now);
    const actor: Actor = {
      userId: found.user.id,
      email: found.user.email,
      sessionId: id,
      grants: found.grants.map((g) => ({ role: g.role, scopeId: g.scopeId })),
    };
    // Kept for this request only (the actor object lives as long as the request): /me needs no more queries.
    this.lookups.set(actor, found);
    return actor;
  }

  /** A cached session, if still within its absolute and idle expiry (the same rules as findLiveSession). */
  private liveFromCache(id: string, now: Date): LiveSession | undefined {
    const live = this.sessions.get(id, now);
    if (!live) return undefined;
    const { session } = live;
    if (session.expiresAt > now && session.lastSeenAt > this.idleCutoff(now)) return { ...live };
    this.sessions.delete(id);
    return undefined;
  }

  /**
   * A write to a person's account, sessions or roles; its notice is echoed here when it ends, so this process
   * forgets their cached sessions at once (others do when the database's notice reaches them).
   */
  private async changeAccount<T>(
    person: string | undefined | (() => string | undefined),
    write: (tx: Database) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.ctx.db.transaction(write);
    } finally {
      const userId = typeof person === 'function' ? person() : person;
      if (userId) this.ctx.notices?.echo(CHANNELS.accounts, userId);
    }
  }

  async signOut(actor: Actor, meta: RequestMeta): Promise<void> {
    await this.changeAccount(actor.userId, async (tx) => {
      await new AccountsRepository(tx).revokeSession(actor.sessionId, actor.userId, this.ctx.now());
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'session.sign-out',
          resourceType: 'user',
          resourceId: actor.userId,
          requestId: meta.requestId,
        },
        this.ctx.now(),
      );
    });
  }

  async signOutEverywhere(actor: Actor, meta: RequestMeta): Promise<number> {
    return this.changeAccount(actor.userId, async (tx) => {
      const ended = await new AccountsRepository(tx).revokeSessions(actor.userId, this.ctx.now());
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'session.sign-out-everywhere',
          resourceType: 'user',
          resourceId: actor.userId,
          after: { ended },
          requestId: meta.requestId,
        },
        this.ctx.now(),
      );
      return ended;
    });
  }

  async me(actor: Actor): Promise<MeResponse> {
    const now = this.ctx.now();
    const live =
      this.lookups.get(actor) ?? (await this.repository.findLiveSession(actor.sessionId, now, this.idleCutoff(now)));
    if (!live) throw unauthorized();
    const { user, grants, session } = live;
    return {
      user: presentUser(user, grants, asLang(user.preferredLang)),
      workspaces: workspacesOf(actor),
      session: {
        expiresAt: session.expiresAt.toISOString(),
        idleExpiresAt: new Date(
          session.lastSeenAt.getTime() + this.ctx.settings.sessionIdleMinutes * 60_000,
        ).toISOString(),
        method: session.method as 'password' | 'oidc',
      },
    };
  }

  async listSessions(actor: Actor) {
    const now = this.ctx.now();
    const rows = await this.repository.listLiveSessions(actor.userId, now, this.idleCutoff(now));
    return rows.map((s) => ({
      id: s.id.slice(0, 16),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
      ipAddress: s.ipAddress,
      method: s.method,
      current: s.id === actor.sessionId,
    }));
  }

  /** End one of my sessions, named by the short id `listSessions` shows. */
  async revokeSession(actor: Actor, shortId: string, meta: RequestMeta): Promise<void> {
    const now = this.ctx.now();
    const target = (await this.repository.listLiveSessions(actor.userId, now, this.idleCutoff(now))).find((s) =>
      s.id.startsWith(shortId),
    );
    if (!target || shortId.length < 16) throw notFound('No such session of yours is open.');
    await this.changeAccount(actor.userId, async (tx) => {
      await new AccountsRepository(tx).revokeSession(target.id, actor.userId, now);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'session.revoke',
          resourceType: 'user',
          resourceId: actor.userId,
          requestId: meta.requestId,
        },
        now,
      );
    });
  }

  // My account

  async updateProfile(actor: Actor, changes: { displayName?: string; preferredLang?: Lang }, meta: RequestMeta) {
    this.lookups.delete(actor); // what this request read before the change is stale after it
    const before = await this.requireUser(actor.userId);
    return this.changeAccount(actor.userId, async (tx) => {
      const after = await new AccountsRepository(tx).updateUser(actor.userId, changes);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'user.profile-update',
          resourceType: 'user',
          resourceId: actor.userId,
          before: { displayName: before.displayName, preferredLang: before.preferredLang },
          after: { displayName: after.displayName, preferredLang: after.preferredLang },
          requestId: meta.requestId,
        },
        this.ctx.now(),
      );
    });
  }

  async changePassword(actor: Actor, current: string, next: string, meta: RequestMeta): Promise<void> {
    const now = this.ctx.now();
    const key = `sign-in:account:${actor.email}`;
    const wait = await this.accountThrottle.waitSeconds([key], now);
    if (wait > 0) throw tooManyRequests(wait);
    const user = await this.requireUser(actor.userId);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
      await this.accountThrottle.recordFailure([key], now);
      throw badRequest('The current password is incorrect.', [{ field: 'currentPassword', message: 'is incorrect' }]);
    }
    await this.assertGoodPassword(next, 'newPassword');
    const passwordHash = await hashPassword(next);
    await this.changeAccount(user.id, async (tx) => {
      const repository = new AccountsRepository(tx);
      await repository.updateUser(user.id, { passwordHash, passwordChangedAt: now });
      // Someone who knew the old password keeps no session open.
      await repository.revokeSessions(user.id, now, actor.sessionId);
      await repository.expirePasswordResets(user.id, now);
      await appendAudit(
        tx,
        {
          actorId: user.id,
          action: 'user.password-change',
          resourceType: 'user',
          resourceId: user.id,
          requestId: meta.requestId,
        },
        now,
      );
    });
  }

  // Password reset

  /** Always answers the same way, so the endpoint cannot be used to learn who has an account. */
  async requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
    const now = this.ctx.now();
    const keys = [`reset:account:${email}`, `reset:address:${meta.ipAddress}`];
    const wait = await this.mailThrottle.waitSeconds(keys, now);
    if (wait > 0) throw tooManyRequests(wait);
    await this.mailThrottle.recordFailure(keys, now); // every request counts: each may send a mail
    const user = await this.repository.findUserByEmail(email);
    if (!user || user.disabledAt) return;
    const token = newToken();
    const minutes = this.ctx.settings.resetMinutes;
    await this.ctx.db.transaction(async (tx) => {
      await new AccountsRepository(tx).insertPasswordReset({
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + minutes * 60_000),
      });
      const lang = asLang(user.preferredLang);
      const mail = passwordResetMail(lang, `${this.ctx.settings.publicUrl}/reset-password#token=${token}`, minutes);
      await this.ctx.mailer.queue(tx, { to: user.email, ...mail, lang, kind: 'password-reset' });
      await appendAudit(
        tx,
        {
          actorId: null,
          action: 'user.password-reset-request',
          resourceType: 'user',
          resourceId: user.id,
          requestId: meta.requestId,
        },
        now,
      );
    });
    this.ctx.mailer.deliverSoon();
  }

  async completePasswordReset(token: string, next: string, meta: RequestMeta): Promise<void> {
    // Check the password first, so a weak choice does not burn the single-use link.
    await this.assertGoodPassword(next, 'newPassword');
    const passwordHash = await hashPassword(next);
    const now = this.ctx.now();
    let userId: string | undefined;
    await this.changeAccount(
      () => userId,
      async (tx) => {
        const repository = new AccountsRepository(tx);
        userId = await repository.consumePasswordReset(hashToken(token), now);
        if (!userId) throw invalidToken('This reset link is unknown, already used or expired. Ask for a new one.');
        await repository.updateUser(userId, { passwordHash, passwordChangedAt: now });
        await repository.expirePasswordResets(userId, now);
        await repository.revokeSessions(userId, now);
        await appendAudit(
          tx,
          {
            actorId: userId,
            action: 'user.password-reset',
            resourceType: 'user',
            resourceId: userId,
            requestId: meta.requestId,
          },
          now,
        );
      },
    );
  }

  // Invitations and roles

  async invite(
    actor: Actor,
    body: { email: string; role: Role; scope?: ScopeRef | undefined; lang: Lang },
    meta: RequestMeta,
  ) {
    const scope = await this.resolveScope(body.role, body.scope);
    this.authorize(actor, { action: 'invitation.create', role: body.role, scopeId: scope.id });
    const now = this.ctx.now();
    const throttleKey = [`invite:actor:${actor.userId}`];
    const wait = await this.mailThrottle.waitSeconds(throttleKey, now);
    if (wait > 0) throw tooManyRequests(wait);

    const token = newToken();
    const expiresAt = new Date(now.getTime() + this.ctx.settings.invitationDays * 86_400_000);
    const invitation = await this.ctx.db.transaction(async (tx) => {
      const repository = new AccountsRepository(tx);
      const existing = await repository.findUserByEmail(body.email);
      if (existing && (await repository.findActiveGrant(existing.id, body.role, scope.id))) {
        throw conflict(`${body.email} already holds this role.`);
      }
      const created = await repository.insertInvitation({
        tokenHash: hashToken(token),
        email: body.email,
        role: body.role,
        scopeId: scope.id,
        invitedBy: actor.userId,
        lang: body.lang,
        createdAt: now,
        expiresAt,
      });
      const mail = invitationMail(
        body.lang,
        body.role,
        scope.name,
        `${this.ctx.settings.publicUrl}/accept-invitation#token=${token}`,
        expiresAt,
      );
      await this.ctx.mailer.queue(tx, { to: body.email, ...mail, lang: body.lang, kind: 'invitation' });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'invitation.create',
          resourceType: 'invitation',
          resourceId: created.id,
          scopeId: scope.id,
          after: { email: body.email, role: body.role, scopeId: scope.id, expiresAt: expiresAt.toISOString() },
          requestId: meta.requestId,
        },
        now,
      );
      return created;
    });
    await this.mailThrottle.recordFailure(throttleKey, now);
    this.ctx.mailer.deliverSoon();
    return this.presentInvitation(invitation, scope.name);
  }

  async previewInvitation(token: string) {
    const invitation = await this.usableInvitation(token);
    const existing = await this.repository.findUserByEmail(invitation.email);
    return {
      email: invitation.email,
      role: invitation.role as Role,
      scopeName: await this.scopeName(invitation.scopeId),
      expiresAt: invitation.expiresAt.toISOString(),
      existingAccount: existing !== undefined,
      lang: asLang(invitation.lang),
    };
  }

  /** Accept: creates the account when needed, grants the role, and signs the person in. */
  async acceptInvitation(
    body: {
      token: string;
      displayName?: string | undefined;
      password?: string | undefined;
      preferredLang?: Lang | undefined;
    },
    meta: RequestMeta,
  ): Promise<NewSession> {
    const invitation = await this.usableInvitation(body.token);
    const now = this.ctx.now();
    let passwordHash: string | null = null;
    const existing = await this.repository.findUserByEmail(invitation.email);
    if (!existing) {
      const errors = [];
      if (!body.displayName) errors.push({ field: 'displayName', message: 'is required for a new account' });
      if (!body.password) errors.push({ field: 'password', message: 'is required for a new account' });
      if (errors.length > 0) throw badRequest('Choose a name and a password for your new account.', errors);
      await this.assertGoodPassword(body.password as string, 'password');
      passwordHash = await hashPassword(body.password as string);
    }
    return this.changeAccount(existing?.id, async (tx) => {
      const repository = new AccountsRepository(tx);
      const user =
        (await repository.findUserByEmail(invitation.email)) ??
        (await repository.insertUser({
          email: invitation.email,
          displayName: body.displayName as string,
          preferredLang: body.preferredLang ?? invitation.lang,
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
        }));
      if (!(await repository.acceptInvitation(invitation.id, user.id, now))) {
        throw invalidToken('This invitation has already been used.', 409);
      }
      const role = invitation.role as Role;
      if (!(await repository.findActiveGrant(user.id, role, invitation.scopeId))) {
        const grant = await repository.insertGrant({
          userId: user.id,
          role,
          scopeId: invitation.scopeId,
          grantedBy: invitation.invitedBy,
          grantedAt: now,
        });
        await appendAudit(
          tx,
          {
            actorId: invitation.invitedBy,
            action: 'role.grant',
            resourceType: 'role-grant',
            resourceId: grant.id,
            scopeId: invitation.scopeId,
            after: { userId: user.id, role, scopeId: invitation.scopeId, via: 'invitation' },
            requestId: meta.requestId,
          },
          now,
        );
      }
      await appendAudit(
        tx,
        {
          actorId: user.id,
          action: 'invitation.accept',
          resourceType: 'invitation',
          resourceId: invitation.id,
          scopeId: invitation.scopeId,
          after: { userId: user.id, newAccount: !existing },
          requestId: meta.requestId,
        },
        now,
      );
      return this.startSession(tx, user.id, 'password', meta);
    });
  }

  async listInvitations(actor: Actor) {
    this.authorize(actor, { action: 'invitation.list' });
    const scopes = this.coordinatorScopes(actor);
    const rows = scopes
      ? (await Promise.all(scopes.map((scopeId) => this.repository.listInvitations({ scopeId })))).flat()
      : await this.repository.listInvitations({});
    return Promise.all(rows.map(async (row) => this.presentInvitation(row, await this.scopeName(row.scopeId))));
  }

  async grantRole(actor: Actor, userId: string, role: Role, scopeRef: ScopeRef | undefined, meta: RequestMeta) {
    const scope = await this.resolveScope(role, scopeRef);
    this.authorize(actor, { action: 'role.grant', role, scopeId: scope.id });
    const now = this.ctx.now();
    return this.changeAccount(userId, async (tx) => {
      const repository = new AccountsRepository(tx);
      if (!(await repository.findUserById(userId))) throw notFound('No such user.');
      if (await repository.findActiveGrant(userId, role, scope.id))
        throw conflict('This person already holds this role.');
      const grant = await repository.insertGrant({
        userId,
        role,
        scopeId: scope.id,
        grantedBy: actor.userId,
        grantedAt: now,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'role.grant',
          resourceType: 'role-grant',
          resourceId: grant.id,
          scopeId: scope.id,
          after: { userId, role, scopeId: scope.id },
          requestId: meta.requestId,
        },
        now,
      );
      return grant.id;
    });
  }

  async revokeRole(actor: Actor, grantId: string, meta: RequestMeta): Promise<void> {
    const grant = await this.repository.findGrant(grantId);
    if (!grant || grant.revokedAt) throw notFound('No such active role grant.');
    this.authorize(actor, { action: 'role.revoke', role: grant.role as Role, scopeId: grant.scopeId });
    const now = this.ctx.now();
    await this.changeAccount(grant.userId, async (tx) => {
      const repository = new AccountsRepository(tx);
      if (grant.role === 'admin' && (await repository.countActiveAdmins()) <= 1) {
        throw conflict('This is the last administrator; grant the role to someone else first.');
      }
      if (!(await repository.revokeGrant(grantId, actor.userId, now)))
        throw conflict('This grant was revoked meanwhile.');
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'role.revoke',
          resourceType: 'role-grant',
          resourceId: grantId,
          scopeId: grant.scopeId,
          before: { userId: grant.userId, role: grant.role, scopeId: grant.scopeId },
          requestId: meta.requestId,
        },
        now,
      );
    });
  }

  async listUsers(actor: Actor) {
    this.authorize(actor, { action: 'user.list' });
    const scopes = this.coordinatorScopes(actor);
    const rows = scopes
      ? uniqueById((await Promise.all(scopes.map((cityId) => this.repository.listUsers({ cityId })))).flat())
      : await this.repository.listUsers({});
    const grants = await this.repository.activeGrants(rows.map((u) => u.id));
    return rows.map((u) => presentUser(u, grants.get(u.id) ?? [], 'en'));
  }

  /** The mail the platform has sent or holds (administrators; the way to read mail without SMTP). */
  async outbox(actor: Actor, page: { page: number; pageSize: number }) {
    this.authorize(actor, { action: 'outbox.read' });
    const { rows, total } = await this.ctx.mailer.list({
      offset: (page.page - 1) * page.pageSize,
      limit: page.pageSize,
    });
    return {
      items: rows.map((m) => ({
        id: m.id,
        to: m.toAddress,
        subject: m.subject,
        body: m.bodyText,
        lang: asLang(m.lang),
        kind: m.kind,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        lastError: m.lastError,
      })),
      page: page.page,
      pageSize: page.pageSize,
      total,
      smtpConfigured: this.ctx.mailer.smtpConfigured,
    };
  }

  /** Create the first administrator from the command line; there is no default password anywhere. */
  async createUserFromCli(email: string, displayName: string, role: Role, password: string): Promise<string> {
    await this.assertGoodPassword(password, 'password');
    if (ROLE_SCOPE[role] !== 'network')
      throw badRequest(`${role} needs a scope; invite such people from the web app instead.`);
    const passwordHash = await hashPassword(password);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new AccountsRepository(tx);
      if (await repository.findUserByEmail(email)) throw conflict(`An account for ${email} already exists.`);
      const user = await repository.insertUser({
        email,
        displayName,
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
      });
      const grant = await repository.insertGrant({
        userId: user.id,
        role,
        scopeId: null,
        grantedBy: null,
        grantedAt: now,
      });
      await appendAudit(
        tx,
        {
          actorId: null,
          action: 'user.create',
          resourceType: 'user',
          resourceId: user.id,
          after: { email, via: 'cli' },
        },
        now,
      );
      await appendAudit(
        tx,
        {
          actorId: null,
          action: 'role.grant',
          resourceType: 'role-grant',
          resourceId: grant.id,
          after: { userId: user.id, role, scopeId: null, via: 'cli' },
        },
        now,
      );
      return user.id;
    });
  }

  /** For policies elsewhere: the city ids a city coordinator acts for, or null for network staff. */
  coordinatorScopes(actor: Actor): string[] | null {
    if (hasRole(actor, 'admin') || hasRole(actor, 'secretariat')) return null;
    return actor.grants.filter((g) => g.role === 'city-coordinator' && g.scopeId).map((g) => g.scopeId as string);
  }

  authorize(actor: Actor, action: AccountAction): void {
    if (!can(actor, action)) throw forbidden();
  }

  // Helpers

  private async usableInvitation(token: string): Promise<InvitationRow> {
    const invitation = await this.repository.findInvitationByTokenHash(hashToken(token));
    if (!invitation || invitation.revokedAt) throw invalidToken('This invitation link is unknown or was withdrawn.');
    if (invitation.acceptedAt) throw invalidToken('This invitation has already been used.', 409);
    if (invitation.expiresAt <= this.ctx.now()) {
      throw invalidToken('This invitation has expired. Ask the person who invited you to send a new one.', 410);
    }
    return invitation;
  }

  /** Turn a client's scope reference into the stored scope id, checking it fits the role. */
  private async resolveScope(
    role: Role,
    ref: ScopeRef | undefined,
  ): Promise<{ id: string | null; name: string | null }> {
    const kind = ROLE_SCOPE[role];
    if (kind === 'network') {
      if (ref)
        throw badRequest(`The ${role} role applies to the whole network and takes no scope.`, [
          { field: 'scope', message: 'must be absent' },
        ]);
      return { id: null, name: null };
    }
    if (kind === 'city') {
      if (!ref || !('city' in ref))
        throw badRequest(`The ${role} role needs a city.`, [{ field: 'scope.city', message: 'is required' }]);
      const city = await this.repository.findCityBySlug(ref.city);
      if (!city)
        throw badRequest(`No city "${ref.city}" in the network.`, [{ field: 'scope.city', message: 'is unknown' }]);
      return { id: city.id, name: city.name };
    }
    if (!ref || !('country' in ref))
      throw badRequest(`The ${role} role needs a country.`, [{ field: 'scope.country', message: 'is required' }]);
    if (!(await this.repository.countryExists(ref.country))) {
      throw badRequest(`No country with the code ${ref.country}.`, [{ field: 'scope.country', message: 'is unknown' }]);
    }
    return { id: ref.country, name: ref.country };
  }

  private async scopeName(scopeId: string | null): Promise<string | null> {
    if (!scopeId) return null;
    if (/^[A-Z]{2}$/.test(scopeId)) return scopeId;
    return (await this.repository.findCityName(scopeId)) ?? scopeId;
  }

  private presentInvitation(row: InvitationRow, scopeName: string | null) {
    const now = this.ctx.now();
    const status = row.acceptedAt
      ? 'accepted'
      : row.revokedAt
        ? 'revoked'
        : row.expiresAt <= now
          ? 'expired'
          : 'pending';
    return {
      id: row.id,
      email: row.email,
      role: row.role as Role,
      scope: row.scopeId
        ? {
            kind: /^[A-Z]{2}$/.test(row.scopeId) ? ('country' as const) : ('city' as const),
            id: row.scopeId,
            ref: row.scopeId,
            name: scopeName ?? row.scopeId,
          }
        : null,
      expiresAt: row.expiresAt.toISOString(),
      status: status as 'pending' | 'accepted' | 'expired' | 'revoked',
    };
  }

  private async assertGoodPassword(password: string, field: string): Promise<void> {
    const problem = await passwordProblem(password);
    if (problem) throw badRequest(`The password ${problem}.`, [{ field, message: problem }]);
  }

  private async requireUser(id: string): Promise<UserRow> {
    const user = await this.repository.findUserById(id);
    if (!user) throw unauthorized();
    return user;
  }

  private idleCutoff(now: Date): Date {
    return new Date(now.getTime() - this.ctx.settings.sessionIdleMinutes * 60_000);
  }
}

type Workspace = (typeof WORKSPACES)[number];

/** The workspaces each role opens in the navigation. */
const ROLE_WORKSPACES: Readonly<Record<Role, readonly Workspace[]>> = {
  admin: ['administration', 'audit', 'outbox'],
  secretariat: ['administration', 'audit'],
  'city-coordinator': ['city', 'audit', 'administration'],
  'city-editor': ['city'],
  natcom: ['country'],
  expert: ['reviews'],
  jury: ['jury'],
};

export function workspacesOf(actor: Actor): Workspace[] {
  const open = new Set(actor.grants.flatMap((g) => ROLE_WORKSPACES[g.role]));
  return WORKSPACES.filter((w) => open.has(w));
}

function asLang(value: string): Lang {
  return isLang(value) ? value : 'en';
}

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}
