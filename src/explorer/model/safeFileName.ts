// Light: the definition documents' addresses use it before any details load.

export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '-') || 'definition';
}
