import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';
import { PostChangesInput } from './post-changes.input';

@InputType()
export class UpdatePostInput extends PostChangesInput {
  @Field(() => ID)
  @IsEntityId()
  postId!: string;
}
