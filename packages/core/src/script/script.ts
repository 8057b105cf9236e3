import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ScriptFileError } from '../errors/script-file-error.js';
import { Revision } from '../revision/revision.js';
import { readScriptHeader, revisionIdFromFileName, type ScriptHeader } from './script-header.js';

/** Where a script's long doc comes from when it was not read with the rest of its header. */
export interface LongDocSource {
  /** The long doc of the script at `path`. */
  longDocOf(path: string): string;
}

/** A header whose long doc may be left to a {@link LongDocSource} (the header cache's). */
export type ScriptHeaderWithoutLongDoc = Omit<ScriptHeader, 'longDoc'> & { readonly longDoc?: string };

/**
 * A migration script: a revision of the graph plus the file it lives in and its doc comment.
 * Listing commands only ever read the header statically; the module is imported only when the
 * migration runs.
 */
export class Script extends Revision {
  /** Absolute path of the file. */
  readonly path: string;
  /** The whole leading doc comment, or where to get it (the header cache keeps it apart). */
  #longDoc: string | LongDocSource;
  /** Its first paragraph (the message), shown by `history`. */
  readonly doc: string;
  /** Set by commands that mark the database's current revisions (`history -i`). */
  isCurrent = false;

  constructor(
    declaration: ConstructorParameters<typeof Revision>[0],
    path: string,
    longDoc: string | LongDocSource,
    doc: string,
  ) {
    super(declaration);
    this.path = path;
    this.#longDoc = longDoc;
    this.doc = doc;
  }

  /** The whole leading doc comment (shown by verbose listings). */
  get longDoc(): string {
    if (typeof this.#longDoc !== 'string') this.#longDoc = this.#longDoc.longDocOf(this.path);
    return this.#longDoc;
  }

  /**
   * Reads a script's identity from its file. A file without a `revision` export falls back to
   * the id at the start of its name; a file without `downRevision` is an error.
   */
  static fromFile(path: string, source = readFileSync(path, 'utf8')): Script {
    return Script.fromHeader(readScriptHeader(source, path), path);
  }

  /**
   * Builds a script from a header already read (possibly from the header cache, which may
   * leave the long doc to `longDocSource` until a verbose listing asks for it).
   */
  static fromHeader(header: ScriptHeaderWithoutLongDoc, path: string, longDocSource?: LongDocSource): Script {
    const revision = header.revision ?? revisionIdFromFileName(basename(path));
    if (revision === undefined) {
      throw new ScriptFileError(
        path,
        undefined,
        `Could not determine revision id from filename ${path}. Be sure the 'revision' variable is exported by the script.`,
      );
    }
    if (header.downRevision === undefined) {
      throw new ScriptFileError(
        path,
        undefined,
        `Script ${path} has no 'downRevision' export; a base revision declares 'export const downRevision = null'.`,
      );
    }
    return new Script(
      {
        revision,
        downRevision: header.downRevision,
        dependsOn: header.dependsOn,
        branchLabels: header.branchLabels,
      },
      path,
      header.longDoc ?? longDocSource ?? header.doc,
      header.doc,
    );
  }
}
