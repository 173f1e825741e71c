/**
 * What stands in for a part of the page while its code loads: one muted line where the part will
 * open (the part opens on a click, so the page above it does not move).
 */
export function PartLoading({ what }: { readonly what: string }) {
  return (
    <p role="status" className="part-loading">
      Loading {what}…
    </p>
  );
}
