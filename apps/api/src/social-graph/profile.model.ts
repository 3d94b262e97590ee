import { UserModel } from '../users/user.model';

/** A user as REST shows them to a caller: the profile plus whether the caller follows them. */
export class ProfileModel extends UserModel {
  /** False without a token. */
  isFollowedByViewer!: boolean;
}
