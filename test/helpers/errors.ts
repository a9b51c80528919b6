/** Catching the coded errors the core throws, so tests can assert on `code` and `details`. */
import { expect } from '@open-wc/testing';
import { BadgeError } from '../../src/core/errors.js';

/** The `BadgeError` `fn` throws; fails the test if it returns, or throws anything else. */
export function thrown(fn: () => unknown): BadgeError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(BadgeError);
    return error as BadgeError;
  }
  throw new Error('expected a throw');
}

/** The `BadgeError` `promise` rejects with; fails the test if it resolves, or rejects with anything else. */
export async function rejected(promise: Promise<unknown>): Promise<BadgeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BadgeError);
    return error as BadgeError;
  }
  throw new Error('expected a rejection');
}

export const codeOf = (fn: () => unknown): string => thrown(fn).code;

export const rejectionCodeOf = async (promise: Promise<unknown>): Promise<string> => (await rejected(promise)).code;
