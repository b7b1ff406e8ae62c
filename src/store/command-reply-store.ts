/** The reply Deliverybot wrote to each command comment. */
export interface CommandReplyStore {
  /** The reply comment Deliverybot wrote for a command comment, to edit rather than post again. */
  findCommandReply(repoId: number, commentId: number): Promise<number | undefined>;
  saveCommandReply(repoId: number, commentId: number, replyId: number): Promise<void>;
}
