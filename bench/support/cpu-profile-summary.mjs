/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) for a benchmark report:
 *
 * - self time by kind of work, the innermost frame that `categoryOf(callFrame)` names deciding
 *   (frames it returns `undefined` for are skipped on the way up the stack);
 * - the functions with the most self time;
 * - the functions with the most inclusive time (each function counted once per sample, however
 *   deep it recurses) among those `includeInclusive(callFrame)` accepts.
 *
 * `summariseProfile(file, { categoryOf, includeInclusive })` returns `{ total, categories,
 * selfFunctions, inclusiveFunctions }` (microseconds, sorted descending); `renderProfileSummary`
 * turns that into lines.
 */
import { readFileSync } from 'node:fs';

/** `name file:line` of a call frame, the path shortened after `node_modules/` or a package's `dist/`. */
export function frameKey(frame) {
  const where = frame.url
    ? `${frame.url
        .replace(/^file:\/\//, '')
        .replace(/^.*\/node_modules\//, '')
        .replace(/^.*\/([^/]+\/dist\/)/, '$1')}:${frame.lineNumber + 1}`
    : '';
  return `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/** See the module comment. */
export function summariseProfile(file, { categoryOf, includeInclusive = () => true }) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfMicros = new Map();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const categories = new Map();
  const selfFunctions = new Map();
  const inclusiveFunctions = new Map();
  let total = 0;
  for (const [id, micros] of selfMicros) {
    total += micros;
    let category;
    const seen = new Set();
    for (let current = id; current !== undefined; current = parents.get(current)) {
      const frame = nodes.get(current).callFrame;
      category ??= categoryOf(frame);
      if (frame.url && includeInclusive(frame)) {
        const key = frameKey(frame);
        if (!seen.has(key)) {
          seen.add(key);
          inclusiveFunctions.set(key, (inclusiveFunctions.get(key) ?? 0) + micros);
        }
      }
    }
    category ??= 'other (Node internals)';
    categories.set(category, (categories.get(category) ?? 0) + micros);
    const key = frameKey(nodes.get(id).callFrame);
    selfFunctions.set(key, (selfFunctions.get(key) ?? 0) + micros);
  }
  const sortDescending = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    total,
    categories: sortDescending(categories),
    selfFunctions: sortDescending(selfFunctions).filter(
      ([name]) => !/^\((idle|garbage collector|program|root)\)/.test(name),
    ),
    inclusiveFunctions: sortDescending(inclusiveFunctions),
  };
}

/** The summary as report lines: categories, then the top self and inclusive functions. */
export function renderProfileSummary(summary, { top = 10 } = {}) {
  const milliseconds = (micros) => `${(micros / 1000).toFixed(0)} ms`.padStart(8);
  const share = (micros) => `${((100 * micros) / summary.total).toFixed(0)}%`.padStart(4);
  const lines = [`${(summary.total / 1000).toFixed(0)} ms sampled`];
  for (const [category, micros] of summary.categories)
    lines.push(`  ${milliseconds(micros)} ${share(micros)}  ${category}`);
  lines.push('  top functions, self time:');
  for (const [name, micros] of summary.selfFunctions.slice(0, top))
    lines.push(`  ${milliseconds(micros)} ${share(micros)}  ${name}`);
  lines.push('  top functions, inclusive time:');
  for (const [name, micros] of summary.inclusiveFunctions.slice(0, top))
    lines.push(`  ${milliseconds(micros)} ${share(micros)}  ${name}`);
  return lines.join('\n');
}
