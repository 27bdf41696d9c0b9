import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  type ModalSubmitInteraction,
  TextInputStyle,
} from 'discord.js';
import type { TextRequest } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import { LIMITS } from './limits.js';
import { customIdNoting } from './render.js';

/**
 * A Reply's request for text as a Discord modal, and the text read back
 * from its submission: the one place the answer box is spelt for Discord.
 * The modal's custom_id is the request's action (or its stored hash, as a
 * long button action is), so a submission routes like a click.
 */

/** The custom_id of the modal's one text input. */
const TEXT_FIELD = 'text';

export function modalFor(request: TextRequest): {
  modal: APIModalInteractionResponseCallbackData;
  /** custom_id → action for an action too long for a custom_id; the adapter keeps these in the Store. */
  longActions: Map<string, string>;
} {
  const longActions = new Map<string, string>();
  return {
    modal: {
      custom_id: customIdNoting(request.action, longActions),
      title: clip(request.title, LIMITS.modalTitle),
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.TextInput,
              custom_id: TEXT_FIELD,
              label: clip(request.label, LIMITS.textInputLabel),
              style: TextInputStyle.Short,
              required: true,
              max_length: Math.min(request.maxLength, LIMITS.textInputLength),
              ...(request.placeholder ? { placeholder: clip(request.placeholder, LIMITS.textInputPlaceholder) } : {}),
            },
          ],
        },
      ],
    },
    longActions,
  };
}

/** What was typed into the modal's text input. */
export function submittedText(interaction: ModalSubmitInteraction): string {
  return interaction.fields.getTextInputValue(TEXT_FIELD);
}
