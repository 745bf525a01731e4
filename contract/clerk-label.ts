/**
 * How staff lists, charts and the live monitor name a clerk. Two clerks may share a display
 * name ("Ayşe Yılmaz"), never a user name, so the user name goes beside it.
 */

/** `Ayşe Yılmaz (ayse)`; the name alone when there is no user name or it says the same. */
export function clerkLabel(name: string, username: string | null | undefined): string {
  return username && username !== name ? `${name} (${username})` : name;
}
