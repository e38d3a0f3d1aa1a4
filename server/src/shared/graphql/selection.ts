import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields the client selected at `path` under the field being resolved (`[]`: its
 * own sub-fields; `['nodes']`: those of each node of a page), through fragments too, so a shaped
 * query computes only what was asked for. Conservative: @skip/@include are not evaluated (a
 * conditional field counts as selected).
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const node of info.fieldNodes) if (node.selectionSet) collect(info, node.selectionSet, path, 0, out);
  return out;
}

/** Whether the client selected `path` (e.g. `['totalCount']`, `['nodes', 'instructors']`). */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return selectedFields(info, path.slice(0, -1)).has(path[path.length - 1]);
}

function collect(info: GraphQLResolveInfo, set: SelectionSetNode, path: readonly string[], depth: number, out: Set<string>): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (depth === path.length) out.add(selection.name.value);
      else if (selection.name.value === path[depth] && selection.selectionSet) collect(info, selection.selectionSet, path, depth + 1, out);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(info, selection.selectionSet, path, depth, out);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collect(info, fragment.selectionSet, path, depth, out);
    }
  }
}
