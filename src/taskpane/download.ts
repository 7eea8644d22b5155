/** Hands a file to the browser's download, the one way a task pane can give the user a file. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some hosts read the URL asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
