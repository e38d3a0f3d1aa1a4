import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected `path` (e.g. `['nodes', 'instructors']`) under the field being
 * resolved, through fragments too, so a shaped query can leave out what nobody asked for.
 * Conservative: @skip/@include are not evaluated (a conditional field counts as selected).
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => !!node.selectionSet && inSet(info, node.selectionSet, path, 0));
}

function inSet(info: GraphQLResolveInfo, set: SelectionSetNode, path: readonly string[], depth: number): boolean {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== path[depth]) continue;
      if (depth === path.length - 1) return true;
      if (selection.selectionSet && inSet(info, selection.selectionSet, path, depth + 1)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (inSet(info, selection.selectionSet, path, depth)) return true;
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment && inSet(info, fragment.selectionSet, path, depth)) return true;
    }
  }
  return false;
}
