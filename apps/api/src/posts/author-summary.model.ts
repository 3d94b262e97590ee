/** The author embedded in REST post and comment bodies (GraphQL resolves the full User). */
export class AuthorSummaryModel {
  id!: string;
  username!: string;
  displayName!: string | null;
  /** Profile picture URL. */
  avatarUrl!: string | null;
}
