import { Viewer } from '@nexus/users';

/** Editing or deleting a post: its author, or an admin. */
export function canModifyPost(post: { authorId: string }, viewer: Viewer): boolean {
  return post.authorId === viewer.id || viewer.role === 'admin';
}

/** Deleting a comment: its author, the post's author, or an admin. */
export function canDeleteComment(
  comment: { authorId: string; postAuthorId: string },
  viewer: Viewer,
): boolean {
  return (
    comment.authorId === viewer.id || comment.postAuthorId === viewer.id || viewer.role === 'admin'
  );
}

/** A post's statistics: its author, or an admin. */
export function canSeePostStats(post: { authorId: string }, viewer: Viewer | undefined): boolean {
  return !!viewer && (post.authorId === viewer.id || viewer.role === 'admin');
}
