export const homeResolvers = [] as const;
