import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether `given` equals the secret `expected`, in constant time (over SHA-256 digests, so lengths never leak either). */
export function secretEquals(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given === '' || expected === '') return false;
  return timingSafeEqual(createHash('sha256').update(expected).digest(), createHash('sha256').update(given).digest());
}
