import type { Problem } from '@lco/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * Problem types are stable identifiers (RFC 9457 §3.1.1): clients branch on `type`, people read `detail`.
 * They are relative references documented in docs/api.md.
 */
export const PROBLEM_TYPES = {
  notFound: '/problems/not-found',
  validation: '/problems/validation',
  badRequest: '/problems/bad-request',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  internal: '/problems/internal',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  conflict: '/problems/conflict',
  invalidToken: '/problems/invalid-token',
  tooManyRequests: '/problems/too-many-requests',
  csrf: '/problems/csrf',
  /** An upload the virus scanner refused. */
  unsafeFile: '/problems/unsafe-file',
} as const;

/** An error a service or route throws on purpose; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly errors?: Problem['errors'],
    /** Seconds, for 429 and 503: sent as the Retry-After header. */
    readonly retryAfter?: number,
  ) {
    super(detail);
  }
}

/** A refusal a module names as one of its rules: a stable problem type (docs/api.md), its status and title. */
export interface RuleProblem {
  type: string;
  status: number;
  title: string;
}

/**
 * The function a module refuses with, given its table of rules: a client branches on the rule's type, a
 * person reads the detail. Every refusal changes nothing.
 */
export function ruleProblem<Rule extends string>(rules: Record<Rule, RuleProblem>) {
  return (rule: Rule, detail: string, errors?: Problem['errors']): HttpProblem => {
    const { status, type, title } = rules[rule];
    return new HttpProblem(status, type, title, detail, errors);
  };
}

export function notFound(detail: string): HttpProblem {
  return new HttpProblem(404, PROBLEM_TYPES.notFound, 'Not found', detail);
}

export function badRequest(detail: string, errors?: Problem['errors']): HttpProblem {
  return new HttpProblem(400, PROBLEM_TYPES.validation, 'Invalid request', detail, errors);
}

/** 401: not signed in, or a sign-in that failed (deliberately vague about why). */
export function unauthorized(detail = 'Sign in first.'): HttpProblem {
  return new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Not signed in', detail);
}

export function forbidden(detail = 'Your roles do not allow this.'): HttpProblem {
  return new HttpProblem(403, PROBLEM_TYPES.forbidden, 'Forbidden', detail);
}

export function conflict(detail: string): HttpProblem {
  return new HttpProblem(409, PROBLEM_TYPES.conflict, 'Conflict', detail);
}

export function invalidToken(detail: string, status = 400): HttpProblem {
  return new HttpProblem(status, PROBLEM_TYPES.invalidToken, 'Invalid or expired link', detail);
}

export function tooManyRequests(retryAfter: number): HttpProblem {
  return new HttpProblem(
    429,
    PROBLEM_TYPES.tooManyRequests,
    'Too many attempts',
    `Too many attempts. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
    undefined,
    retryAfter,
  );
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Every error leaves as problem+json; unknown errors are logged and never show their stack. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = request.url;
  if (error instanceof HttpProblem) {
    if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
    return sendProblem(reply, {
      type: error.type,
      title: error.title,
      status: error.status,
      detail: error.message,
      instance,
      ...(error.errors ? { errors: error.errors } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((issue) => ({
      field: fieldName(where, issue.instancePath),
      message: issue.message ?? 'is invalid',
    }));
    return sendProblem(reply, {
      type: PROBLEM_TYPES.validation,
      title: 'Invalid request',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      instance,
      errors,
    });
  }
  const status = error.statusCode ?? 500;
  if (error.code?.startsWith('FST_CSRF')) {
    return sendProblem(reply, {
      type: PROBLEM_TYPES.csrf,
      title: 'Missing or invalid CSRF token',
      status: 403,
      detail: 'Send the token from GET /api/v1/auth/csrf in the X-CSRF-Token header with every change.',
      instance,
    });
  }
  if (status >= 400 && status < 500) {
    const type =
      status === 413
        ? PROBLEM_TYPES.payloadTooLarge
        : status === 415
          ? PROBLEM_TYPES.unsupportedMediaType
          : PROBLEM_TYPES.badRequest;
    return sendProblem(reply, { type, title: 'Bad request', status, detail: error.message, instance });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, {
    type: PROBLEM_TYPES.internal,
    title: 'Internal error',
    status: 500,
    detail: `Something went wrong on our side; the request id is ${request.id}.`,
    instance,
  });
}

/** '/page' in the querystring becomes 'page'; nested paths become dotted ('/a/0/b' → 'a.0.b'). */
function fieldName(where: string, instancePath: string): string {
  const dotted = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return dotted === '' ? where : dotted;
}
