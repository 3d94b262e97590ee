// JSON shapers of the floors: the same bodies the API answers, built from one statement's rows.

export interface PostRow {
  id: string;
  title: string | null;
  content: string;
  media_url: string | null;
  like_count: number;
  comment_count: number;
  share_count: number;
  created_at: Date;
  updated_at: Date;
  author_id: string;
  username: string;
  display_name: string | null;
  avatar_url: string | null;
  liked: boolean;
}

/** Columns every post floor selects (p = posts, u = its author, $2 = viewer id or null). */
export const POST_ROW_COLUMNS = `p.id, p.title, p.content, p.media_url, p.like_count,
  p.comment_count, p.share_count, p.created_at, p.updated_at, u.id AS author_id, u.username,
  u.display_name, u.avatar_url,
  EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = $2) AS liked`;

/** REST post (DESIGN §4 "Post"). */
export function restPost(r: PostRow) {
  return {
    id: r.id,
    title: r.title,
    content: r.content,
    mediaUrl: r.media_url,
    likeCount: r.like_count,
    commentCount: r.comment_count,
    shareCount: r.share_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    author: {
      id: r.author_id,
      username: r.username,
      displayName: r.display_name,
      avatarUrl: r.avatar_url,
    },
    viewerHasLiked: r.liked,
  };
}

/** GraphQL Post in the selection order of the allPosts scenario. */
export function graphqlPost(r: PostRow) {
  return {
    id: r.id,
    title: r.title,
    content: r.content,
    mediaUrl: r.media_url,
    likeCount: r.like_count,
    commentCount: r.comment_count,
    shareCount: r.share_count,
    viewerHasLiked: r.liked,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    author: {
      id: r.author_id,
      username: r.username,
      displayName: r.display_name,
      avatarUrl: r.avatar_url,
    },
  };
}

/** A keyset page: `limit + 1` rows were fetched; the cursor is the API's (base64url "id:<id>"). */
export function page<T>(rows: { id: string }[], first: number, shape: (row: never) => T) {
  const data = rows.slice(0, first) as never[];
  const last = rows.length > first ? (data[data.length - 1] as { id: string }) : null;
  return {
    data: data.map(shape),
    nextCursor: last ? Buffer.from(`id:${last.id}`).toString('base64url') : null,
  };
}

export interface PollRow {
  id: string;
  author_id: string;
  question: string;
  description: string | null;
  allows_multiple: boolean;
  hide_totals: boolean;
  created_at: Date;
  starts_at: Date | null;
  expires_at: Date | null;
  closed_at: Date | null;
  votes_count: number;
  voters_count: number;
  options: { id: string; text: string; position: number; votesCount: number }[];
}

/** The poll as its voter sees it (DESIGN §4 "Poll"), after their ballot. */
export function pollView(r: PollRow, viewerId: string, chosen: string[]) {
  const now = new Date();
  const closed = !!r.closed_at || (!!r.expires_at && r.expires_at <= now);
  const status = closed ? 'CLOSED' : r.starts_at && r.starts_at > now ? 'SCHEDULED' : 'ACTIVE';
  const visible = !r.hide_totals || closed || viewerId === r.author_id;
  return {
    id: r.id,
    authorId: r.author_id,
    question: r.question,
    description: r.description,
    allowsMultiple: r.allows_multiple,
    hideTotals: r.hide_totals,
    createdAt: r.created_at,
    startsAt: r.starts_at,
    expiresAt: r.expires_at,
    closedAt: r.closed_at,
    status,
    votesCount: visible ? r.votes_count : null,
    votersCount: visible ? r.voters_count : null,
    options: r.options.map((o) => ({
      ...o,
      votesCount: visible ? o.votesCount : null,
      percentage: visible
        ? r.votes_count > 0
          ? Math.round((o.votesCount / r.votes_count) * 1000) / 10
          : 0
        : null,
    })),
    viewerOptionIds: [...chosen].sort((a, b) => Number(a) - Number(b)),
  };
}
