export const enrolmentResolvers = [] as const;
