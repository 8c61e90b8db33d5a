import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'proto/generated/**', 'runs/**', 'out/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The dependency rule of docs/architecture.md: src/ never reaches into drivers/ or simulator/.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/drivers/**', '**/simulator/**'],
              message:
                'src/ must not import drivers/ or simulator/: they register with the device registry.',
            },
          ],
        },
      ],
    },
  },
);
