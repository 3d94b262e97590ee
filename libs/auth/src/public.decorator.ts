import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'nexus:isPublic';

/** Opts a route or resolver out of the global JWT guard. Everything else needs a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
