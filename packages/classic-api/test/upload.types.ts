/**
 * Compile-time checks of `classic.upload`; `pnpm typecheck` fails when a wrong call compiles (an
 * unused `@ts-expect-error`) or a right one does not. Never run.
 */
import { createClassicClient } from '../src/index.js';

export async function uploadCalls(): Promise<void> {
  const classic = createClassicClient({ baseUrl: 'https://example.jamfcloud.com' });
  const file = new File([new Uint8Array([1])], 'icon.png', { type: 'image/png' });
  const bytes = new Uint8Array([1, 2, 3]);

  await classic.upload({ resource: 'policies', id: 1, file });
  await classic.upload({ resource: 'ebooks', name: 'Handbook', file, fileName: 'cover.png' });
  await classic.upload({ resource: 'computers', id: 2, file: bytes, fileName: 'a.txt' });
  await classic.upload({ resource: 'printers', id: 3, file: new Blob([bytes]), fileName: 'x.ppd' });
  await classic.upload({ resource: 'peripherals', id: 4, file: bytes, fileName: 'a.pdf' });
  await classic.upload({
    resource: 'mobiledeviceapplicationsipa',
    name: 'App',
    file,
    forceIpaUpload: true,
  });
  const done: Promise<void> = classic.upload({ resource: 'mobiledevices', id: 5, file });
  await done;

  // @ts-expect-error scripts take no uploads
  await classic.upload({ resource: 'scripts', id: 1, file });
  // @ts-expect-error peripherals are found by id only
  await classic.upload({ resource: 'peripherals', name: 'x', file });
  // @ts-expect-error bytes need a file name
  await classic.upload({ resource: 'policies', id: 1, file: bytes });
  // @ts-expect-error id or name, not both
  await classic.upload({ resource: 'policies', id: 1, name: 'x', file });
  // @ts-expect-error one of them is needed
  await classic.upload({ resource: 'policies', file });
  // @ts-expect-error ids are numbers
  await classic.upload({ resource: 'policies', id: '1', file });
  // @ts-expect-error FORCE_IPA_UPLOAD is for IPAs only
  await classic.upload({ resource: 'policies', id: 1, file, forceIpaUpload: true });
  // @ts-expect-error a file is needed
  await classic.upload({ resource: 'policies', id: 1, fileName: 'a.png' });
}
