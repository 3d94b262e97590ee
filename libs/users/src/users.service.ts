import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFoundError } from '@nexus/core';
import { QueryFailedError, Repository } from 'typeorm';
import { UserEntity } from './user.entity';
import { EmailTakenError, UsernameTakenError } from './users.errors';
import { toUserView, UserRecord, UserView, Viewer } from './user-view';
import { selectUsersByIds } from './users.queries';

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
}

export interface ProfileChanges {
  displayName?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The unique indexes decide races: 20 parallel sign-ups with one name give one row, 19 409s. */
  async create(input: NewUser): Promise<UserEntity> {
    try {
      return await this.users.save(this.users.create(input));
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        const constraint = (err.driverError as { constraint?: string }).constraint;
        if (constraint === 'users_email_key') throw new EmailTakenError();
        if (constraint === 'users_username_key') throw new UsernameTakenError();
      }
      throw err;
    }
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** For login: by username or email, both case-insensitive (citext). */
  findByLogin(login: { username?: string; email?: string }): Promise<UserEntity | null> {
    if (login.username) return this.users.findOneBy({ username: login.username });
    if (login.email) return this.users.findOneBy({ email: login.email });
    return Promise.resolve(null);
  }

  /** Batch for DataLoader: one query, results in the order of `ids` (null when missing). */
  async findByIds(ids: readonly string[]): Promise<(UserRecord | null)[]> {
    const rows = await selectUsersByIds(this.users.manager, ids);
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async getProfile(
    lookup: { id?: string; username?: string },
    viewer?: Viewer | null,
  ): Promise<UserView> {
    const user = lookup.id
      ? await this.users.findOneBy({ id: lookup.id })
      : lookup.username
        ? await this.users.findOneBy({ username: lookup.username })
        : null;
    if (!user) throw new NotFoundError('User', lookup.id ?? lookup.username);
    return toUserView(user, viewer);
  }

  /** A user edits only their own profile: the id comes from the token, never from input. */
  async updateProfile(viewer: Viewer, changes: ProfileChanges): Promise<UserView> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length > 0) await this.users.update({ id: viewer.id }, defined);
    return this.getProfile({ id: viewer.id }, viewer);
  }
}
