import { KeyUnreachable, type BadgeError } from '../errors.js';
import { unreachableCauseOf } from '../fetcher.js';

/**
 * `ERR_OB_KEY_UNREACHABLE` for a key lookup that failed because a document could not be asked for
 * (`isUnreachable`: CORS, timeout, network, 5xx): the key's status is unknown, never "not found".
 * `details` names the URL that did not answer and how (`cause`, and `status` for a server error).
 */
export function keyUnreachable(
  error: unknown,
  details: Record<string, unknown> = {},
): BadgeError<'ERR_OB_KEY_UNREACHABLE'> {
  const fetchError = unreachableCauseOf(error);
  const url = fetchError?.details?.['url'];
  const status = fetchError?.details?.['status'];
  return new KeyUnreachable(
    `The issuer's keys could not be reached${typeof url === 'string' ? ` at ${url}` : ''}${fetchError ? ` (${fetchError.code})` : ''}`,
    {
      cause: error,
      details: {
        ...details,
        ...(typeof url === 'string' ? { url } : {}),
        ...(fetchError ? { cause: fetchError.code } : {}),
        ...(typeof status === 'number' ? { status } : {}),
      },
    },
  );
}
