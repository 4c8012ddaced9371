import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 0.1 s on this
 * class of machine, so a sign-in stays quick while each guess costs an attacker the same.
 */
export const ARGON2_PARAMETERS = {
  // Algorithm.Argon2id; the enum is a const enum, which isolated modules cannot import.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;

let commonList: Promise<Set<string>> | undefined;

/**
 * The ~49,000 passwords seen most often in breaches (zxcvbn-ts's list), lower-cased. Loaded on first use: the
 * list is some 400 KB of code that a server's start (issue #2: ready within 2 s) need not compile.
 */
function commonPasswords(): Promise<Set<string>> {
  commonList ??= import('@zxcvbn-ts/language-common').then((loaded) => {
    // From source the package's ES build gives named exports; in the server bundle its CommonJS build comes
    // as the default export.
    const { dictionary } = loaded.dictionary ? loaded : (loaded as unknown as { default: typeof loaded }).default;
    return new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  });
  return commonList;
}

/** Why a new password is refused, or null when it is acceptable. */
export async function passwordProblem(password: string): Promise<string | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 1024) return 'must be at most 1024 characters';
  const folded = password.toLowerCase();
  const common = await commonPasswords();
  if (common.has(folded) || common.has(folded.replace(/\d+$/, '')))
    return 'is too common: it appears in lists of leaked passwords';
  if (new Set(password).size < 4) return 'repeats too few characters';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return verify(stored, password).catch(() => false);
}

/**
 * A hash to verify against when the account does not exist, so an unknown email takes as long to
 * refuse as a wrong password and the response time does not reveal who has an account.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that never matches anything');
  return decoy;
}
