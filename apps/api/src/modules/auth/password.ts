import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum parameters (19 MiB, 2 iterations): ~30 ms per hash here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the e-mail is unknown keeps response times alike (no account probing). */
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword('werkgezond-timing-equaliser');
  return dummy;
};
