import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A batch function a module defines once; each request gets its own DataLoader instance from
 * `loader(ctx, def)`, so batching and caching never leak between viewers.
 */
export interface LoaderDef<K, V> {
  name: string;
  batch: (em: EntityManager, keys: readonly K[]) => Promise<V[]>;
}

export function defineLoader<K, V>(name: string, batch: (em: EntityManager, keys: readonly K[]) => Promise<V[]>): LoaderDef<K, V> {
  return { name, batch };
}

export class LoaderRegistry {
  // Loaders of every key and value type in one map; get() gives each back with the types of its definition.
  private readonly loaders = new Map<LoaderDef<never, unknown>, unknown>();
  constructor(private readonly em: EntityManager) {}

  get<K, V>(def: LoaderDef<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(def) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => def.batch(this.em, keys), { maxBatchSize: 1000 });
      this.loaders.set(def, loader);
    }
    return loader;
  }
}

/** Orders batch results to match the keys; missing keys get `fallback`. */
export function byKeys<K, V, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, valueOf: (row: R) => V, fallback: V): V[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), valueOf(row));
  return keys.map((k) => (map.has(k) ? map.get(k)! : fallback));
}

/** Groups batch results per key (one-to-many). */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
