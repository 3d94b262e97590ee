import { ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Body of POST /api/polls/:id/vote, documentation only: VoteBodyPipe accepts exactly one of the
 * three forms (numbers or numeric strings) and turns it into `optionIds`.
 */
export class VoteBody {
  /** One option. */
  @ApiPropertyOptional({ type: Number, example: 3 })
  optionId?: number | string;

  /** One or more options (several only on a multiple-choice poll), at most 10. */
  @ApiPropertyOptional({ type: [Number], example: [3, 4] })
  optionIds?: (number | string)[];

  /** The seeds' spelling of optionId. */
  @ApiPropertyOptional({ type: Number, example: 3 })
  option_id?: number | string;
}
