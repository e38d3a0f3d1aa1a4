import { describe, expect, it } from 'vitest';
import en from './en.json';
import id from './id.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

function lookup(tree: Tree, key: string): string {
  return key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
}

describe('translations', () => {
  const idKeys = keys(id);
  const enKeys = keys(en);

  it('Bahasa Indonesia and English have exactly the same keys', () => {
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.length).toBeGreaterThan(100);
  });

  it('every text is filled in and uses the same placeholders in both languages', () => {
    for (const key of idKeys) {
      const idText = lookup(id, key);
      const enText = lookup(en, key);
      expect(idText.trim(), `id: ${key}`).not.toBe('');
      expect(enText.trim(), `en: ${key}`).not.toBe('');
      expect(placeholders(enText), key).toEqual(placeholders(idText));
    }
  });
});
