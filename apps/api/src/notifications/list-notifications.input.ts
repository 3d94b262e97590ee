import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PaginationInput } from '../common/pagination.input';

/** GraphQL `notifications(...)` arguments and the REST query string of GET /api/notifications. */
@ArgsType()
export class ListNotificationsInput extends PaginationInput {
  /** Only notifications not yet marked read. */
  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  // Query strings carry text: "true"/"false" (anything else fails IsBoolean).
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean = false;
}
