import { UserEntity, UserRole } from './user.entity';

/** A user as a given viewer may see them: email only for themselves or an admin. */
export interface UserView {
  id: string;
  username: string;
  email: string | null;
  displayName: string | null;
  bio: string | null;
  avatarUrl: string | null;
  role: UserRole;
  followersCount: number;
  followingCount: number;
  postsCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Viewer {
  id: string;
  role: UserRole;
}

export function canSeePrivateFields(userId: string, viewer?: Viewer | null): boolean {
  return !!viewer && (viewer.id === userId || viewer.role === 'admin');
}

export function toUserView(user: UserEntity, viewer?: Viewer | null): UserView {
  const { passwordHash: _hidden, lastActiveAt: _private, ...visible } = user;
  return { ...visible, email: canSeePrivateFields(user.id, viewer) ? user.email : null };
}
