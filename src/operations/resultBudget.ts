import { errors } from '../errors/errorFactory';

/**
 * The objects one request's answer may hold in all: list items, hydrated relations and GraphQL
 * relation fields, each counted where it is placed in the answer (one related object placed in a
 * thousand items counts a thousand times, as it is serialised a thousand times). Lists are at most
 * 1,000 items and documents at most 10 levels deep, but relation fan-out has no bound of its own, so
 * without this a small request could ask for millions of objects. Going over refuses the request
 * with `RESULT_TOO_LARGE` (400) rather than answering a part.
 */
export class ResultBudget {
  private used = 0;
  private over = false;

  constructor(readonly maxObjects: number) {}

  /** Counts `objects` more; throws `RESULT_TOO_LARGE` once the total is over the budget (and on every later call). */
  charge(objects: number): void {
    this.used += objects;
    if (this.used > this.maxObjects) this.over = true;
    if (this.over) throw errors.resultTooLarge();
  }

  /** Whether the request went over its budget (its answer must be refused whole). */
  get exceeded(): boolean {
    return this.over;
  }
}
