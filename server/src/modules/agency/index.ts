export const agencyResolvers = [] as const;
