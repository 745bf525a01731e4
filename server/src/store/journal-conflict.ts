/**
 * Thrown by a journal shared by several server processes when an append's revisions were taken
 * by another process first (the unique hall/day/revision guard). The command loop then catches up
 * with what the other process wrote and decides the command again.
 */
export class JournalConflictError extends Error {
  constructor(hallId: string, day: string, rev: number) {
    super(`journal ${hallId}/${day}: revision ${rev} was written by another server`);
    this.name = 'JournalConflictError';
  }
}
