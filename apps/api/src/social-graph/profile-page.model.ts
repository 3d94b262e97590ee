import { ProfileModel } from './profile.model';

/** Newest follow first. Pass `nextCursor` as `after` for the next page; null on the last page. */
export class ProfilePageModel {
  data!: ProfileModel[];

  nextCursor!: string | null;
}
