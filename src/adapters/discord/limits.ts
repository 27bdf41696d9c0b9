/**
 * Discord's message limits. The renderer stays inside them by splitting and
 * paginating, so a long reply never turns into a 400 from the API.
 */
export const LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footerText: 2_048,
  embedTotal: 6_000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectPlaceholder: 150,
  customId: 100,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputLength: 4_000,
  /** An embed image's url; a longer PUBLIC_URL link falls back to an attachment. */
  imageUrl: 2_048,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
  optionChoices: 25,
} as const;
