import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  type ButtonStyle,
  EmbedBuilder,
  embedLength,
  StringSelectMenuBuilder,
} from 'discord.js';
import { expect } from 'vitest';

interface ButtonJson {
  custom_id: string;
  label?: string;
  style: ButtonStyle | number;
}

/** A select menu (type 3): one per row, options carry the actions. */
interface SelectJson {
  type: number;
  custom_id: string;
  placeholder?: string;
  options: readonly { label: string; value: string }[];
}

function isSelect(c: ButtonJson | SelectJson): c is SelectJson {
  return 'options' in c;
}

export interface MessageJson {
  content?: string;
  embeds?: APIEmbed[];
  components?: readonly { components: readonly (ButtonJson | SelectJson)[] }[];
}

/**
 * Rebuilds a message with discord.js's own builders, whose setters apply
 * Discord's limits (title 256, description 4,096, 25 fields, field value
 * 1,024, footer 2,048, custom_id 100, label 80), plus the limits the builders
 * leave to the API: content 2,000, 6,000 per embed, 5 buttons a row, 5 rows,
 * distinct custom_ids.
 */
export function expectValidMessage(message: MessageJson): void {
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(2_000);
  expect(message.embeds?.length ?? 0).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of message.embeds ?? []) {
    const b = new EmbedBuilder();
    if (embed.title !== undefined) b.setTitle(embed.title);
    if (embed.description !== undefined) b.setDescription(embed.description);
    if (embed.fields) b.addFields(...embed.fields);
    if (embed.footer) b.setFooter({ text: embed.footer.text });
    if (embed.image) b.setImage(embed.image.url);
    const json = b.toJSON();
    expect(embedLength(json)).toBeLessThanOrEqual(6_000);
    expect(embedLength(json) > 0 || json.image !== undefined).toBe(true);
    total += embedLength(json);
  }
  expect(total).toBeLessThanOrEqual(6_000);
  const rows = message.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    const select = row.components.find(isSelect);
    if (select) {
      // A select menu fills its row; its builder checks placeholder 150, 25 options, label and value 100.
      expect(row.components).toHaveLength(1);
      new StringSelectMenuBuilder()
        .setCustomId(select.custom_id)
        .setPlaceholder(select.placeholder ?? '')
        .addOptions(select.options.map((o) => ({ label: o.label, value: o.value })))
        .toJSON();
      expect(new Set(select.options.map((o) => o.value)).size).toBe(select.options.length);
      expect(ids.has(select.custom_id)).toBe(false);
      ids.add(select.custom_id);
      continue;
    }
    const buttons = row.components.filter((c): c is ButtonJson => !isSelect(c));
    const builder = new ActionRowBuilder<ButtonBuilder>().addComponents(
      buttons.map((c) =>
        new ButtonBuilder()
          .setCustomId(c.custom_id)
          .setLabel(c.label ?? '')
          .setStyle(c.style as ButtonStyle),
      ),
    );
    builder.toJSON();
    for (const c of buttons) {
      expect(ids.has(c.custom_id)).toBe(false);
      ids.add(c.custom_id);
    }
  }
  const hasSomething = Boolean(message.content) || (message.embeds?.length ?? 0) > 0 || rows.length > 0;
  expect(hasSomething).toBe(true);
}
