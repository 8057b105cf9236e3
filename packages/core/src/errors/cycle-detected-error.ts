import { RevisionError } from './revision-error.js';

/** The `downRevision` links form a cycle; `revisions` are the revisions caught in it. */
export class CycleDetectedError extends RevisionError {
  constructor(
    readonly revisions: readonly string[],
    kind = 'Cycle',
    code = 'ALEMBIC_CYCLE_DETECTED',
  ) {
    super(`${kind} is detected in revisions (${revisions.join(', ')})`, { code });
  }
}

/** The `dependsOn` links (together with `downRevision`) form a cycle. */
export class DependencyCycleDetectedError extends CycleDetectedError {
  constructor(revisions: readonly string[]) {
    super(revisions, 'Dependency cycle', 'ALEMBIC_DEPENDENCY_CYCLE_DETECTED');
  }
}

/** A revision names itself as its own `downRevision`. */
export class LoopDetectedError extends CycleDetectedError {
  constructor(revision: string) {
    super([revision], 'Self-loop', 'ALEMBIC_LOOP_DETECTED');
  }
}

/** A revision names itself in its own `dependsOn`. */
export class DependencyLoopDetectedError extends CycleDetectedError {
  constructor(revision: string) {
    super([revision], 'Dependency self-loop', 'ALEMBIC_DEPENDENCY_LOOP_DETECTED');
  }
}
