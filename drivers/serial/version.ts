/**
 * The wire protocol version (docs/protocol.md, "Versioning"). Both sides send it in the handshake
 * (Hello.protocol_version, DeviceInfo.protocol_version); any mismatch ends the handshake.
 * proto3 has no constants, so this is the single source of truth on the host side.
 */
export const PROTOCOL_VERSION = 1;

/**
 * The one error text for a version mismatch, used by the host and the emulator alike so a user sees
 * the same sentence whichever side noticed. It names both versions, host first.
 */
export function versionMismatchMessage(hostVersion: number, boardVersion: number): string {
  return (
    `protocol version mismatch: host speaks analoop protocol ${hostVersion}, ` +
    `board speaks ${boardVersion}; update the ${hostVersion > boardVersion ? 'board firmware' : 'host (analoop)'}`
  );
}
