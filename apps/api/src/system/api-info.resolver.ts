import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@nexus/auth';

export const API_VERSION = '0.1.0';

/** Version of the running API, so clients can tell which contract they talk to. */
@Resolver()
export class ApiInfoResolver {
  @Public()
  @Query(() => String, { description: 'Version of the running API' })
  apiVersion(): string {
    return API_VERSION;
  }
}
