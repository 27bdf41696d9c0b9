import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { slackSpelling } from '../../src/adapters/slack/command-names.js';
import { makeReply } from '../../src/engine/text.js';

const reply = makeReply({
  title: 'Try /timeline',
  body: 'Type /quiz start to play; /who Pashinyan for a person. Map: https://bot.example.org/map/x.png, not /nosuch.',
  footer: '/help timeline',
});

describe('commands named in replies, as the workspace’s manifest answers them', () => {
  it('namespaced (the default manifest): every command becomes /chronicle <command>, URLs and unknown names untouched', () => {
    const spelled = slackSpelling(commands, 'namespaced')(reply);
    expect(spelled.title).toBe('Try /chronicle timeline');
    expect(spelled.body).toBe(
      'Type /chronicle quiz start to play; /chronicle who Pashinyan for a person. Map: https://bot.example.org/map/x.png, not /nosuch.',
    );
    expect(spelled.footer).toBe('/chronicle help timeline');
    expect(spelled.text).toContain('/chronicle quiz start');
  });

  it('flat: commands keep their own names, except those Slack keeps, which stay under /chronicle', () => {
    const spelled = slackSpelling(commands, 'flat')(reply);
    expect(spelled.body).toBe(
      'Type /quiz start to play; /chronicle who Pashinyan for a person. Map: https://bot.example.org/map/x.png, not /nosuch.',
    );
    expect(spelled.footer).toBe('/chronicle help timeline');
  });
});
