/** Shown when vigil cannot start (e.g. an invalid config.json): says what is wrong, in words. */
export function BootError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="boot-error" role="alert">
      <h1>vigil could not start</h1>
      <p>{message}</p>
    </div>
  );
}
