import type { SafeStorage } from 'electron';
import type { TokenSealer } from './syncSettings';

type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * The member's token sealed by the system's keychain (Keychain on macOS, DPAPI on Windows, the
 * Secret Service or KWallet on Linux) through Electron's safeStorage, so sync.json beside the
 * library — often in a folder Dropbox or Syncthing carries — does not hold it in clear. Null where
 * there is no keychain to seal with: on Linux without a secret store Electron falls back to a
 * hard-coded password ('basic_text'), which protects nothing, so the file is then kept as without
 * one (readable by this user alone). Called after the app is ready (before, Linux reports none).
 * Electron 45's synchronous calls: main reads the setting synchronously, and 45 is the pinned version.
 */
export function keychainTokenSealer(keychain: Keychain, platform: NodeJS.Platform): TokenSealer | null {
  if (!keychain.isEncryptionAvailable()) return null;
  if (platform === 'linux' && keychain.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    seal: (token) => keychain.encryptString(token).toString('base64'),
    open: (sealed) => {
      try {
        return keychain.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed by another user's or another computer's keychain (the folder was copied).
        return null;
      }
    },
  };
}
