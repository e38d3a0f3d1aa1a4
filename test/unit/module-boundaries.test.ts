import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import moduleBoundaries from '../../eslint/module-boundaries.js';

const root = join(import.meta.dirname, '../..');
const linter = new Linter({ cwd: root });
const config: Linter.Config[] = [{
  files: ['**/*.{ts,tsx}'],
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  plugins: { lentera: { rules: { 'module-boundaries': moduleBoundaries } } },
  rules: { 'lentera/module-boundaries': 'error' },
}];

/** The rule's findings for `code` written in the file at `file` (a path from the repository's root). */
function findings(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: join(root, file) }).map((m) => m.messageId ?? m.message);
}

describe('module boundaries: a module is entered through its index.ts', () => {
  it("flags a module reaching into another module's files, in every form of import", () => {
    const agency = 'server/src/modules/agency/agency.service.ts';
    expect(findings(agency, "import { Person } from '../person/person.entity.js';")).toEqual(['deepImport']);
    expect(findings(agency, "import type { Person } from '../person/person.entity.js';")).toEqual(['deepImport']);
    expect(findings(agency, "export { normalizeNip } from '../person/nip.js';")).toEqual(['deepImport']);
    expect(findings(agency, "export * from '../person/nip.js';")).toEqual(['deepImport']);
    expect(findings(agency, "const nip = await import('../person/nip.js');")).toEqual(['deepImport']);
    expect(findings(agency, "import { x } from '../../modules/person/identity.js';")).toEqual(['deepImport']);
  });

  it('lets a module import another through its index, its own files, shared code and packages', () => {
    const agency = 'server/src/modules/agency/agency.service.ts';
    expect(findings(agency, [
      "import { Person } from '../person/index.js';",
      "import { Agency } from './agency.entity.js';",
      "import { AppError } from '../../shared/errors.js';",
      "import type { OperationContext } from '../../app/context.js';",
      "import { Field } from 'type-graphql';",
    ].join('\n'))).toEqual([]);
  });

  it('holds for app/, shared/, the tests and the compiled server the benchmarks load', () => {
    expect(findings('server/src/app/create-admin.ts', "import { MIN_PASSWORD } from '../modules/person/person.inputs.js';")).toEqual(['deepImport']);
    expect(findings('server/src/app/create-admin.ts', "import { MIN_PASSWORD } from '../modules/person/index.js';")).toEqual([]);
    expect(findings('server/src/shared/db/seed/demo-world.ts', "import { checkNip } from '../../../modules/person/nip.js';")).toEqual(['deepImport']);
    expect(findings('test/api/x.test.ts', "import { CourseStatus } from '../../server/src/modules/course/course.enums.js';")).toEqual(['deepImport']);
    expect(findings('test/api/x.test.ts', "import { CourseStatus } from '../../server/src/modules/course/index.js';")).toEqual([]);
    expect(findings('test/bench/x.ts', "const m = await import('../../server/dist/modules/auth/password.js');")).toEqual(['deepImport']);
  });

  it("lets entities and MikroORM's entity list name entity files, and nothing else of a module", () => {
    const registry = 'server/src/shared/db/entities.ts';
    expect(findings(registry, "import { Agency, OrgUnit } from '../../modules/agency/agency.entity.js';")).toEqual([]);
    expect(findings(registry, "import { listAgencies } from '../../modules/agency/agency.service.js';")).toEqual(['deepImport']);
    expect(findings('server/src/shared/db/orm.ts', "import { Agency } from '../../modules/agency/agency.entity.js';")).toEqual(['deepImport']);
    const entity = 'server/src/modules/person/person.entity.ts';
    expect(findings(entity, "import { Agency, OrgUnit } from '../agency/agency.entity.js';")).toEqual([]);
    expect(findings(entity, "import { AgencyNode } from '../agency/agency.types.js';")).toEqual(['deepImport']);
    expect(findings('server/src/modules/person/person.service.ts', "import { Agency } from '../agency/agency.entity.js';")).toEqual(['deepImport']);
  });
});

describe('module boundaries: client/src/ui never imports client/src/features', () => {
  it('flags ui importing a feature, however it is spelled', () => {
    expect(findings('client/src/ui/DataTable.tsx', "import { seatsText } from '../features/course/seats';")).toEqual(['uiImportsFeature']);
    expect(findings('client/src/ui/DataTable.tsx', "import { seatsText } from '../app/../features/course/seats';")).toEqual(['uiImportsFeature']);
    expect(findings('client/src/ui/DataTable.tsx', "const page = () => import('../features/shell/AppLayout');")).toEqual(['uiImportsFeature']);
  });

  it('lets features and routes use ui, and ui use ui', () => {
    expect(findings('client/src/features/catalogue/CourseCard.tsx', "import { EmptyState } from '../../ui/EmptyState';")).toEqual([]);
    expect(findings('client/src/routes/home.tsx', "import { RoleHome } from '../features/home/RoleHome';")).toEqual([]);
    expect(findings('client/src/ui/ListStates.tsx', "import { EmptyState } from './EmptyState';")).toEqual([]);
  });
});

describe('the project configuration', () => {
  it('applies the rule as an error to every server, client and test file', async () => {
    const eslint = new ESLint({ cwd: root });
    const severity = async (file: string) => {
      const rule = (await eslint.calculateConfigForFile(join(root, file)) as Linter.Config).rules?.['lentera/module-boundaries'];
      return Array.isArray(rule) ? rule[0] : rule;
    };
    expect(await severity('server/src/modules/agency/agency.service.ts')).toBe(2);
    expect(await severity('server/src/app/boot.ts')).toBe(2);
    expect(await severity('test/api/auth.test.ts')).toBe(2);
    // The folders rewritten in parallel during issue 6 (course, run, enrolment, home, the client) are no exception.
    expect(await severity('server/src/modules/course/course.service.ts')).toBe(2);
    expect(await severity('server/src/modules/enrolment/enrolment.service.ts')).toBe(2);
    expect(await severity('server/src/modules/home/home.service.ts')).toBe(2);
    expect(await severity('client/src/ui/DataTable.tsx')).toBe(2);
    expect(await severity('client/src/features/home/RoleHome.tsx')).toBe(2);
  });
});
