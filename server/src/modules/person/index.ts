export const personResolvers = [] as const;
