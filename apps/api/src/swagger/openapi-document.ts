import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from '../system/api-info.resolver';
import { addSchemaExamples } from './openapi-examples';

/** The OpenAPI document served at /api/docs-json and committed as openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Nexus API')
    .setDescription(
      'REST door to the Nexus social backend. The same service methods back the GraphQL API at /graphql. ' +
        'Errors share one shape: { statusCode, error, code, message, requestId, details }.',
    )
    .setVersion(API_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addTag('auth', 'Register, log in, refresh and end sessions (rotating refresh tokens)')
    .addTag('users', 'Profiles: yours to edit, others to read')
    .addTag('posts', 'Posts, likes and shares; keyset-paginated lists')
    .addTag('comments', 'Comments on posts, oldest first')
    .addTag('social graph', 'Follow, unfollow, block; followers and following lists')
    .addTag('feed', 'Your home feed: your posts and those of the people you follow')
    .addTag('polls', 'Polls: create, vote, live results, CSV export, lifecycle')
    .addTag('health', 'Liveness, readiness and the worker round trip')
    .build();
  return addSchemaExamples(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (controllerKey, methodKey) =>
        `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    }),
  );
}

/**
 * Swagger UI assets come from the local swagger-ui-dist package: nothing loads from a CDN.
 * Returns the document it serves (built before the routes are registered, which need it).
 */
export function setupSwagger(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
