import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Proves the layer boundaries of DESIGN §1 are switched on: each forbidden import must fail lint.
// The text is linted as if it were an existing file of that layer (type-aware lint needs a file the project knows).
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../../..') });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`lint could not parse ${filePath}: ${fatal.message}`);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  // Type-aware lint builds the whole project's TypeScript program on its first file: that is set-up,
  // not what the cases test, and on a busy machine it alone can take a minute.
  beforeAll(async () => {
    await eslint.lintText('export {};\n', { filePath: 'renderer/src/App.tsx' });
  }, 180_000);

  it.each([
    ['renderer/src/features/reader/ArticleReader.tsx', "import { createLibrary } from '../../../../main/library/createLibrary';\nexport const x = createLibrary;\n"],
    ['renderer/src/api/pizhuClient.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/App.tsx', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['main/library/libraryError.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['preload/contract/channels.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['preload/contract/errors.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
  ])('%s may not import that', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it('allows the permitted direction', async () => {
    expect(
      await restrictedImportErrors(
        'renderer/src/api/pizhuClient.ts',
        "import { methods } from '../../preload/contract/channels';\nexport const x = methods;\n",
      ),
    ).toEqual([]);
  });
});
