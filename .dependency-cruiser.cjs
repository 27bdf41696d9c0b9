/**
 * The layers, lowest first. A module may import its own layer and any layer
 * below it, never one above: content knows nothing of the bot, the engine
 * nothing of pictures or platforms, and only adapters know a platform.
 * `npm run lint:layers` (and CI) fails on a wrong-way import, naming the rule.
 */
const LAYERS = [
  ['base', '^src/(config|log)\\.ts$'],
  ['content', '^src/content/'],
  ['core', '^src/core/'],
  ['store', '^src/store/'],
  ['engine', '^src/engine/'],
  ['pictures', '^src/pictures/'],
  ['schedule', '^src/schedule/'],
  ['commands', '^commands/'],
  ['ops', '^src/ops/'],
  ['adapters', '^src/adapters/'],
  ['entry', '^src/(main|cli)\\.ts$|^src/(cli|shard)/'],
];

const above = (index) =>
  LAYERS.slice(index + 1)
    .map(([, path]) => `(${path})`)
    .join('|');

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map(([name, path], index) => ({
      name: `${name}-imports-only-below`,
      comment: `${name} may import ${LAYERS.slice(0, index + 1)
        .map(([n]) => n)
        .join(', ')}, nothing above it`,
      severity: 'error',
      from: { path },
      to: { path: above(index) },
    })),
    {
      name: 'adapters-take-commands-by-injection',
      comment: 'an adapter serves the commands it is given; only entry points pick the registry',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^commands/index\\.ts$' },
    },
    {
      name: 'no-platform-below-adapters',
      comment: 'discord.js and Bolt types stay in src/adapters/',
      severity: 'error',
      from: { path: '^(src/(content|core|store|engine|pictures|schedule|ops)/|commands/)' },
      to: { path: 'node_modules/(discord\\.js|@discordjs|@slack)/' },
    },
    {
      name: 'no-cycles',
      comment: 'a cycle ties layers together so that neither can change alone',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench|scripts)/' },
  },
};
