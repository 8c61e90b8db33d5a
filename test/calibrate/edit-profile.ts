import { parseProfile, type Profile } from '../../src/profile/index.js';

/** A profile as plain JSON with the per-channel fields as arrays, for tests that mis-specify one. */
export interface EditableProfile {
  array: { rows: number };
  channels: {
    gain: number[] | number;
    offset: number[] | number;
    gainDriftPerHour: number[] | number;
  };
  noise: { read: { scale: number } };
  nonlinearity?: unknown;
  [key: string]: unknown;
}

/** A copy of `p` changed by `f`, validated again. */
export function editProfile(p: Profile, f: (j: EditableProfile) => void): Profile {
  const j = JSON.parse(JSON.stringify(p)) as EditableProfile;
  f(j);
  return parseProfile(j, 'edited profile');
}

/** Channel array of an editable profile (the hidden truths write arrays). */
export const ch = (v: number[] | number): number[] => v as number[];
