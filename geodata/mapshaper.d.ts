// The part of mapshaper's Node API the pipeline uses (the package ships no types).
declare module 'mapshaper' {
  /**
   * Runs a command string on in-memory inputs (file name → GeoJSON object or text) and resolves
   * with the outputs of every -o command (file name → text).
   */
  export function applyCommands(
    commands: string,
    input?: Record<string, unknown>,
  ): Promise<Record<string, string | Uint8Array>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}
