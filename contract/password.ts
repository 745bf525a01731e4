/** `POST /api/auth/password`: a signed-in user changes their own password. */
export interface PasswordChangeRequest {
  currentPassword: string;
  newPassword: string;
}

/** The shortest new password accepted, in characters. */
export const PASSWORD_MIN_LENGTH = 10;
/** The longest password accepted (sign-in takes the same), so hashing stays bounded. */
export const PASSWORD_MAX_LENGTH = 256;

/** Why a new password is refused; the server and the pages apply the same rule. */
export type PasswordProblem = 'too-short' | 'too-long' | 'same-as-current' | 'same-as-username';

/**
 * What is wrong with `newPassword` for this user, or `null` if it may be used. Passwords are
 * compared as the server hashes them (NFC); the user name without regard to case.
 */
export function passwordProblem(
  username: string,
  currentPassword: string,
  newPassword: string,
): PasswordProblem | null {
  const next = newPassword.normalize('NFC');
  const length = [...next].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  if (next === currentPassword.normalize('NFC')) return 'same-as-current';
  // User names are ASCII; invariant case folding, as at sign-in.
  if (next.trim().toLowerCase() === username.trim().toLowerCase()) return 'same-as-username';
  return null;
}
