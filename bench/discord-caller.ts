/** The one user every Discord benchmark client answers, so a fixed reply is built for the same caller as a real one. */
export const benchCaller = {
  platform: 'discord',
  userId: '1',
  userName: 'bench',
  channelId: '1',
  serverId: '1',
  canManage: false,
} as const;
