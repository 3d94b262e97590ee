import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  Equals,
  IsArray,
  IsNumberString,
  IsOptional,
} from 'class-validator';

/** `{ ids: [...] }` marks those (only your own), `{ all: true }` marks everything. */
@InputType()
export class MarkNotificationsReadInput {
  /** Notification ids, 1–100. */
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsNumberString({ no_symbols: true }, { each: true })
  ids?: string[];

  /** true marks every notification read. */
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @Equals(true)
  all?: boolean;
}
