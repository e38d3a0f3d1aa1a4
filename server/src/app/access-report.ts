import { getMetadataStorage } from 'type-graphql';

export interface OperationAccess {
  operation: string;
  kind: 'query' | 'mutation';
  /** Roles from @Authorized on the method; null when only the class-level default applies. */
  roles: string[] | null;
  classDefault: boolean;
}

/** Every root operation with the access it declares, for the default-deny test and the docs. */
export function operationAccess(): OperationAccess[] {
  const storage = getMetadataStorage();
  const classLevel = new Set(storage.authorizedResolver.map((r) => r.target));
  const fieldRoles = new Map(storage.authorizedFields.map((f) => [`${f.target.name}.${f.fieldName}`, f.roles as string[]]));
  const ops = [
    ...storage.queries.map((q) => ({ q, kind: 'query' as const })),
    ...storage.mutations.map((q) => ({ q, kind: 'mutation' as const })),
  ];
  return ops.map(({ q, kind }) => ({
    operation: `${q.target.name}.${q.methodName}`,
    kind,
    roles: fieldRoles.get(`${q.target.name}.${q.methodName}`) ?? null,
    classDefault: classLevel.has(q.target),
  }));
}
