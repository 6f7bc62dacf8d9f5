import { DeltaError } from './errors';

/**
 * Refuses a list that is not newer than the one in use: a replayed old (validly signed)
 * snapshot must not roll clients back to a list without the latest scam sites.
 */
export function assertNewer(current: number | null | undefined, incoming: number): void {
  if (!Number.isInteger(incoming) || incoming < 0)
    throw new DeltaError(`Invalid list version ${incoming}`);
  if (current != null && incoming <= current) {
    throw new DeltaError(
      `List version ${incoming} is not newer than the installed version ${current}`,
    );
  }
}
