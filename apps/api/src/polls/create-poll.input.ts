import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';

/** Blank and duplicate options (after trimming, case-insensitively) and the timing rules are checked by the service. */
@InputType()
export class CreatePollInput {
  /** 1–300 characters. */
  @Field()
  @IsString()
  @Length(1, 300)
  question!: string;

  /** Up to 1000 characters. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  /** 2–10 distinct, non-blank options of up to 200 characters, in display order. */
  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  options!: string[];

  /** ISO-8601; a future start makes the poll SCHEDULED until then (at most 90 days ahead). */
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'startsAt must be an ISO-8601 date-time' })
  startsAt?: Date | null;

  /** ISO-8601; 5 minutes to 30 days after the start (startsAt or now). None: open until closed. */
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'expiresAt must be an ISO-8601 date-time' })
  expiresAt?: Date | null;

  /** Multiple choice; default false. */
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  allowsMultiple?: boolean;

  /** Hide counts from everyone but the author and admins until the poll closes; default false. */
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  hideTotals?: boolean;
}
