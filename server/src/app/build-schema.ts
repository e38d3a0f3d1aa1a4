import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { allResolvers } from './resolvers.js';

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: allResolvers as unknown as BuildSchemaOptions['resolvers'],
    authChecker,
    // Unauthenticated/forbidden errors are thrown by the checker itself with our codes.
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
}
