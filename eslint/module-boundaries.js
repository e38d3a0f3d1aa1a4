// The module-boundary rule of ARCHITECTURE.md ("Module boundaries"), stated on resolved paths so it holds
// whatever the relative spelling of an import:
//   - a file outside server/src/modules/<m> reaches <m> only through server/src/modules/<m>/index.ts
//     (other modules, app/, shared/, test/; the compiled server/dist the benchmarks load likewise);
//     entities are the exception: an *.entity.ts file names another module's *.entity.ts file for a relation,
//     and MikroORM's entity list (shared/db/entities.ts) names them all. Through index.ts an entity would wait
//     on the other module's resolvers and services: in a cycle, its class decorators then read a class still in
//     its temporal dead zone ("Cannot access 'Person' before initialization" in the compiled server);
//   - client/src/ui never imports client/src/features.
// Imports of packages (bare specifiers) are not its business.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const MODULE_ROOTS = ['server/src/modules', 'server/dist/modules'].map((dir) => path.join(ROOT, dir));
const CLIENT_UI = path.join(ROOT, 'client/src/ui');
const CLIENT_FEATURES = path.join(ROOT, 'client/src/features');
// MikroORM's list of entity classes, and Kysely's table → entity map (typed from the same classes).
const ENTITY_REGISTRIES = [path.join(ROOT, 'server/src/shared/db/entities.ts'), path.join(ROOT, 'server/src/shared/db/kysely.ts')];

const inside = (dir, file) => file.startsWith(dir + path.sep);
const withoutExtension = (file) => file.replace(/\.(?:[cm]?[jt]s|tsx|jsx)$/, '');
const isEntity = (file) => withoutExtension(file).endsWith('.entity');

/** The module a path lies in: { root, name, rest } with rest the path inside the module, or null. */
function moduleOf(file) {
  for (const root of MODULE_ROOTS) {
    if (!inside(root, file)) continue;
    const [name, ...rest] = path.relative(root, file).split(path.sep);
    return { root, name, rest: rest.join('/') };
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Modules are entered through their index.ts; client/src/ui never imports client/src/features' },
    schema: [],
    messages: {
      deepImport: "Import module '{{module}}' through its index.ts, not '{{file}}' (module boundary, ARCHITECTURE.md).",
      uiImportsFeature: "client/src/ui must not import client/src/features ('{{file}}'): move the shared piece into ui/ or pass it in.",
    },
  },
  create(context) {
    const importer = context.filename;
    const importerModule = moduleOf(importer);
    const importerInUi = inside(CLIENT_UI, importer);

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.resolve(path.dirname(importer), specifier);

      const targetModule = moduleOf(target);
      if (targetModule && !(importerModule && importerModule.name === targetModule.name && importerModule.root === targetModule.root)) {
        const entityToEntity = isEntity(targetModule.rest) && (ENTITY_REGISTRIES.includes(importer) || isEntity(importer));
        const throughIndex = targetModule.rest === '' || withoutExtension(targetModule.rest) === 'index';
        if (!throughIndex && !entityToEntity) {
          context.report({ node, messageId: 'deepImport', data: { module: targetModule.name, file: targetModule.rest } });
        }
      }

      if (importerInUi && (target === CLIENT_FEATURES || inside(CLIENT_FEATURES, target))) {
        context.report({ node, messageId: 'uiImportsFeature', data: { file: path.relative(ROOT, target) } });
      }
    }

    const fromSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
    };
  },
};
