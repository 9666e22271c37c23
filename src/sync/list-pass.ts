import type { Paginated } from '../core/pagination.js';
import type { StreamRun } from './stream.js';
import type { PassState } from './types.js';

/** How a stream reads its list: whole, or per parent (a Close sequence's subscriptions). */
export interface ListPlan {
  /** The parents to walk, listed once when a pass starts (its requests counted by the stream). */
  parents?: (run: StreamRun) => Promise<string[]>;
  /** One list (a parent's, or the whole one) from `offset`; `after`: an incremental pass's lower bound. */
  list: (parent: string | undefined, offset: number, after: string | undefined) => Paginated<unknown>;
  /** A refusal that ends this list but not the stream (Close's `_skip` maximum): its gap line, or undefined. */
  refusal?: (error: unknown, offset: number, parent: string | undefined) => string | undefined;
}

/** Reads every item of `list` into its parent's name (all of them when `parent` is undefined). */
export async function listAll(run: StreamRun, list: Paginated<{ id: string }>): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of list.pages()) {
    run.asked();
    for (const item of page.data) ids.push(item.id);
  }
  return ids;
}

async function startPass(run: StreamRun, plan: ListPlan, mode: PassState['mode'], after: string | undefined): Promise<PassState> {
  const pass: PassState = { mode, startedAt: run.now(), index: 0, offset: 0, gaps: [], ...(after ? { after } : {}) };
  if (!plan.parents) return pass;
  pass.parents = await plan.parents(run);
  // Saved before the first page, so a resumed pass walks the same parents without listing them again.
  await run.commit({ state: { ...run.state, pass } });
  return pass;
}

/** Walks one list from `pass.offset`, committing every page with the position after it. */
async function walkList(run: StreamRun, plan: ListPlan, pass: PassState, parent: string | undefined): Promise<PassState> {
  let at = pass;
  try {
    for await (const page of plan.list(parent, at.offset, at.after).pages()) {
      run.asked();
      const last = !page.hasNextPage();
      at = last ? { ...at, index: at.index + 1, offset: 0 } : { ...at, offset: page.nextOffset() };
      await run.commit({ upsert: page.data, state: { ...run.state, pass: at } });
      if (last) return at;
    }
    // A list whose pages ended without a last page saying so (no pages at all).
    at = { ...at, index: at.index + 1, offset: 0 };
  } catch (error) {
    const gap = plan.refusal?.(error, at.offset, parent);
    if (gap === undefined) throw error;
    run.asked();
    run.warn(gap);
    at = { ...at, index: at.index + 1, offset: 0, gaps: [...at.gaps, gap] };
  }
  await run.commit({ state: { ...run.state, pass: at } });
  return at;
}

/**
 * Runs a pass over a stream's list (or continues the one saved): every page committed with the
 * position after it; a snapshot that read everything then deletes the rows it did not see.
 */
export async function runPass(run: StreamRun, plan: ListPlan, mode: PassState['mode'], after?: string): Promise<void> {
  let pass = run.state.pass ?? (await startPass(run, plan, mode, after));
  run.report.mode = pass.mode;
  const parents = pass.parents ?? [undefined];
  while (pass.index < parents.length) pass = await walkList(run, plan, pass, parents[pass.index]);
  const sweep = pass.mode === 'snapshot' && pass.gaps.length === 0;
  await run.commit({ ...(sweep ? { sweepBefore: pass.startedAt } : {}), state: run.finished(pass) });
}
